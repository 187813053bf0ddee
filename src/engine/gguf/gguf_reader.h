// GgufFile: a read-only view of a GGUF (v2 or v3) model or vocabulary file.
//
// The file is memory-mapped; nothing but the small index (keys, tensor infos) is copied. Everything in
// the file is untrusted: every offset, size and count is checked against the file's length before it is
// used, so a damaged or hostile file yields a one-line error, never a crash or a huge allocation.
//
// Lifetime: string_views, spans and tensor data pointers handed out by a GgufFile point into its mapping
// and stay valid exactly as long as the GgufFile lives. A GgufFile is immutable after open() and safe to
// read from several threads at once.
//
// Return codes of open()/parse():
//   kNotFound     the path does not exist
//   kIoError      the file could not be opened, measured or mapped
//   kCorruption   the bytes are not a well-formed GGUF file (bad magic, truncated, offsets or sizes out
//                 of range, duplicate keys or tensor names, misaligned data); the message names the byte
//                 position or the key/tensor and says what was expected and what was found
//   kUnsupported  a well-formed file we do not handle: GGUF v1 or a later version, big-endian files,
//                 nested arrays, tensor types ggml does not define
// Nothing remains after a failure (no mapping, no open descriptor).
//
// Metadata getters return kNotFound when the key is absent and kInvalidArgument when the key holds a
// value of another type (the message names both). Integer getters accept any integer value type whose
// value fits the requested type (files in the wild store e.g. token ids as u32 or i32); get_f32 accepts
// f32 and f64; get_bool only bool; array getters need an array of exactly that element type, except
// get_i32_array, which also accepts u32/i32/i16/u16/i8/u8 elements that fit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "engine/tensor/ggml_type.h"

namespace haven::engine {

// Value types as numbered in the GGUF format.
enum class GgufType : uint32_t {
  kU8 = 0,
  kI8 = 1,
  kU16 = 2,
  kI16 = 3,
  kU32 = 4,
  kI32 = 5,
  kF32 = 6,
  kBool = 7,
  kString = 8,
  kArray = 9,
  kU64 = 10,
  kI64 = 11,
  kF64 = 12,
};

// "u32", "string", "array", ...; "type N" for numbers outside the format.
std::string gguf_type_name(uint32_t type);
inline std::string gguf_type_name(GgufType type) { return gguf_type_name(static_cast<uint32_t>(type)); }
// Bytes of one scalar of this type in the file; 0 for string and array (variable length).
size_t gguf_scalar_size(GgufType type);

// One metadata key/value pair as it lies in the file (already validated).
struct GgufMetadataEntry {
  std::string_view key;
  GgufType type = GgufType::kU8;
  // For arrays: element type and count. For everything else array_type == type and count == 1.
  GgufType array_type = GgufType::kU8;
  uint64_t count = 1;
  // The value's bytes in the mapping: for scalars the value, for strings the characters (no length
  // prefix), for arrays the elements after the array's type and count (strings with their prefixes).
  const uint8_t* payload = nullptr;
  size_t payload_size = 0;
  uint64_t file_offset = 0;  // where the key starts in the file
};

// One tensor as described in the file (already validated: known type, rows a whole number of blocks,
// data inside the file and aligned).
struct GgufTensorInfo {
  std::string name;
  std::vector<uint64_t> dims;  // ggml order: dims[0] is the row length (contiguous), 1 to 4 dims
  GgmlType type = GgmlType::kF32;
  uint64_t offset = 0;        // relative to the data section, as stored in the file
  uint64_t file_offset = 0;   // absolute position of the first byte in the file
  uint64_t n_elements = 0;
  uint64_t n_bytes = 0;
  const uint8_t* data = nullptr;  // borrowed: points into the GgufFile's mapping

  uint64_t rows() const { return dims.empty() ? 0 : n_elements / dims[0]; }
  uint64_t row_bytes() const { return rows() == 0 ? 0 : n_bytes / rows(); }
  // "896x151936" (ggml order)
  std::string shape_string() const;
};

class GgufFile {
 public:
  ~GgufFile();
  GgufFile(const GgufFile&) = delete;
  GgufFile& operator=(const GgufFile&) = delete;

  // Maps and validates a file. Error messages start with nothing (callers add the path if they wish).
  static Result<std::unique_ptr<GgufFile>> open(const std::string& path);
  // Validates bytes held in memory; the GgufFile keeps its own copy (for tests and fuzzing).
  static Result<std::unique_ptr<GgufFile>> parse(std::string bytes);

  uint32_t version() const { return version_; }
  uint64_t alignment() const { return alignment_; }
  uint64_t data_offset() const { return data_offset_; }  // start of the tensor data section
  uint64_t file_size() const { return size_; }
  const uint8_t* bytes() const { return data_; }  // the whole file, file_size() bytes

  // ---- metadata ----
  const std::vector<GgufMetadataEntry>& metadata() const { return metadata_; }  // in file order
  const GgufMetadataEntry* find(std::string_view key) const;  // nullptr when absent
  bool has(std::string_view key) const { return find(key) != nullptr; }

  Result<std::string> get_string(std::string_view key) const;
  Result<std::string_view> get_string_view(std::string_view key) const;  // into the mapping
  Result<uint32_t> get_u32(std::string_view key) const;
  Result<int32_t> get_i32(std::string_view key) const;
  Result<uint64_t> get_u64(std::string_view key) const;
  Result<int64_t> get_i64(std::string_view key) const;
  Result<float> get_f32(std::string_view key) const;
  Result<bool> get_bool(std::string_view key) const;

  // Arrays. The number of elements of any array is find(key)->count.
  Result<std::vector<std::string>> get_string_array(std::string_view key) const;
  Result<std::vector<std::string_view>> get_string_array_views(std::string_view key) const;
  Result<std::vector<int32_t>> get_i32_array(std::string_view key) const;
  Result<std::vector<uint32_t>> get_u32_array(std::string_view key) const;
  Result<std::vector<float>> get_f32_array(std::string_view key) const;

  // ---- tensors ----
  const std::vector<GgufTensorInfo>& tensors() const { return tensors_; }  // in file order
  const GgufTensorInfo* find_tensor(std::string_view name) const;  // nullptr when absent

  // The value of general.architecture, or "" when absent or not a string.
  std::string architecture() const;

 private:
  GgufFile() = default;
  Status parse_all();

  const uint8_t* data_ = nullptr;  // borrowed from map_ or owned_
  uint64_t size_ = 0;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::string owned_;

  uint32_t version_ = 0;
  uint64_t alignment_ = 32;
  uint64_t data_offset_ = 0;
  std::vector<GgufMetadataEntry> metadata_;
  std::vector<GgufTensorInfo> tensors_;
};

// 1234567 -> "1,234,567" (for error messages that name byte positions).
std::string format_count(uint64_t n);

}  // namespace haven::engine
