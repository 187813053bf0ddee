// SecretBuffer: bytes that must never reach swap, a core dump or freed heap (keys, passphrases).
//
// The memory comes from sodium_malloc (guard pages, mlock'd where the system allows) and is wiped by
// sodium_free when the buffer is destroyed. Move-only. A buffer has a fixed capacity chosen at
// construction and a length that grows up to it, so reading a passphrase never reallocates (which would
// leave a copy behind).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace haven::vault {

class SecretBuffer {
 public:
  SecretBuffer() = default;
  // Capacity bytes of locked memory, length 0. Aborts the process if locked memory cannot be had:
  // carrying on would put key material in ordinary memory.
  explicit SecretBuffer(size_t capacity);
  // A copy of bytes in locked memory (capacity = length = bytes.size()).
  static SecretBuffer copy_of(std::string_view bytes);
  ~SecretBuffer();

  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }

  // Sets the length (at most the capacity); bytes beyond the new length are wiped.
  void resize(size_t n);
  // Appends one byte; false (and nothing changes) when the buffer is full.
  bool push_back(uint8_t byte);
  // Wipes the contents and sets the length to 0.
  void clear();

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Constant-time comparison of two secrets (false when the lengths differ).
bool secrets_equal(const SecretBuffer& a, const SecretBuffer& b);

}  // namespace haven::vault
