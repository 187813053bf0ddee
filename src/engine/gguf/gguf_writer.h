// GgufWriter: builds a GGUF v3 (or v2) file from metadata and tensors.
//
// Layout follows llama.cpp and gguf-py exactly (header, key/values, tensor infos, padding to the
// alignment, each tensor's data padded to the alignment), so a file read with GgufFile and written back
// with copy_from() is identical byte for byte.
//
// Return codes: add_tensor() gives kInvalidArgument for a bad name (empty, over 63 bytes, duplicate), no
// or more than 4 dimensions, a zero dimension, a row length that is not a whole number of blocks, or a
// type the format does not define; the writer is unchanged then. write() gives kIoError when the file
// cannot be written; it writes to a temporary file beside the target and renames it, so on failure the
// target is untouched and no temporary file remains.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "engine/gguf/gguf_reader.h"

namespace haven::engine {

class GgufWriter {
 public:
  explicit GgufWriter(uint32_t version = 3) : version_(version) {}

  // Metadata, in insertion order. Setting a key that exists replaces its value in place.
  void set_string(std::string_view key, std::string_view value);
  void set_u8(std::string_view key, uint8_t value);
  void set_i8(std::string_view key, int8_t value);
  void set_u16(std::string_view key, uint16_t value);
  void set_i16(std::string_view key, int16_t value);
  void set_u32(std::string_view key, uint32_t value);
  void set_i32(std::string_view key, int32_t value);
  void set_u64(std::string_view key, uint64_t value);
  void set_i64(std::string_view key, int64_t value);
  void set_f32(std::string_view key, float value);
  void set_f64(std::string_view key, double value);
  void set_bool(std::string_view key, bool value);
  void set_string_array(std::string_view key, const std::vector<std::string>& values);
  void set_string_array(std::string_view key, const std::vector<std::string_view>& values);
  void set_i32_array(std::string_view key, const std::vector<int32_t>& values);
  void set_u32_array(std::string_view key, const std::vector<uint32_t>& values);
  void set_f32_array(std::string_view key, const std::vector<float>& values);
  // Copies one entry of a GgufFile as it is (any type, arrays included).
  void copy_entry(const GgufMetadataEntry& entry);
  bool remove(std::string_view key);
  bool has(std::string_view key) const;

  // Tensors, in insertion order. `data` is borrowed: it must hold ggml_row_size(type, dims[0]) times
  // the other dimensions' bytes and stay valid until write()/serialize() returns.
  Status add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type, const void* data);
  // The same, the writer keeping the bytes.
  Status add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type,
                    std::vector<uint8_t> data);

  // The same, the bytes made by `fill` while the file is written (one tensor in memory at a time, for
  // generated models of any size). fill gets a buffer of exactly the tensor's byte size.
  using TensorFiller = std::function<void(uint8_t* dst, uint64_t n_bytes)>;
  Status add_tensor(std::string_view name, const std::vector<uint64_t>& dims, GgmlType type, TensorFiller fill);

  // Copies all metadata and tensors (tensor data borrowed from `file`, which must outlive the writes).
  Status copy_from(const GgufFile& file);

  Status write(const std::string& path) const;
  std::string serialize() const;  // the whole file in memory (for small files)
  uint64_t file_size() const;     // what write() will produce

 private:
  struct Entry {
    std::string key;
    GgufType type;
    GgufType array_type;
    uint64_t count;
    std::string payload;  // the bytes after the type (after element type and count for arrays)
  };
  struct Tensor {
    std::string name;
    std::vector<uint64_t> dims;
    GgmlType type;
    const uint8_t* data;  // borrowed, or owned.data()
    uint64_t n_bytes;
    std::vector<uint8_t> owned;
    TensorFiller fill;
  };
  template <typename Sink>
  void emit(Sink& sink) const;
  void set(std::string_view key, GgufType type, GgufType array_type, uint64_t count, std::string payload);
  uint64_t alignment() const;

  uint32_t version_;
  std::vector<Entry> entries_;
  std::vector<Tensor> tensors_;
};

}  // namespace haven::engine
