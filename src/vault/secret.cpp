#include "vault/secret.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace haven::vault {

SecretBuffer::SecretBuffer(size_t capacity) : capacity_(capacity) {
  if (sodium_init() < 0) {
    std::fputs("haven: the cryptography library could not start\n", stderr);
    std::abort();
  }
  // sodium_malloc(0) is allowed, but a real allocation keeps data() non-null for every buffer.
  data_ = static_cast<uint8_t*>(sodium_malloc(capacity == 0 ? 1 : capacity));
  if (data_ == nullptr) {
    std::fputs("haven: could not reserve protected memory for keys\n", stderr);
    std::abort();
  }
  sodium_memzero(data_, capacity == 0 ? 1 : capacity);
}

SecretBuffer SecretBuffer::copy_of(std::string_view bytes) {
  SecretBuffer b(bytes.size());
  if (!bytes.empty()) std::memcpy(b.data_, bytes.data(), bytes.size());
  b.size_ = bytes.size();
  return b;
}

SecretBuffer::~SecretBuffer() {
  if (data_ != nullptr) sodium_free(data_);  // sodium_free wipes before releasing
}

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void SecretBuffer::resize(size_t n) {
  if (n > capacity_) n = capacity_;
  if (n < size_) sodium_memzero(data_ + n, size_ - n);
  size_ = n;
}

bool SecretBuffer::push_back(uint8_t byte) {
  if (size_ >= capacity_) return false;
  data_[size_++] = byte;
  return true;
}

void SecretBuffer::clear() { resize(0); }

bool secrets_equal(const SecretBuffer& a, const SecretBuffer& b) {
  if (a.size() != b.size()) return false;
  if (a.size() == 0) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace haven::vault
