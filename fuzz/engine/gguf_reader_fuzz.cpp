// Fuzzes the GGUF reader with arbitrary bytes. Whatever it accepts must be safe to use: every getter on
// every key, the model summary, dequantizing the first row of each tensor, and writing the file back
// (which must read again with the same metadata and tensors).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "engine/gguf/model_summary.h"
#include "engine/tensor/kernels.h"

using namespace haven::engine;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed = GgufFile::parse(std::string(reinterpret_cast<const char*>(data), size));
  if (!parsed.is_ok()) {
    if (parsed.status().message().empty() || parsed.status().message().find('\n') != std::string::npos) std::abort();
    return 0;
  }
  const GgufFile& f = **parsed;
  for (const GgufMetadataEntry& e : f.metadata()) {
    (void)f.get_string(e.key);
    (void)f.get_u32(e.key);
    (void)f.get_i32(e.key);
    (void)f.get_u64(e.key);
    (void)f.get_i64(e.key);
    (void)f.get_f32(e.key);
    (void)f.get_bool(e.key);
    (void)f.get_string_array_views(e.key);
    (void)f.get_i32_array(e.key);
    (void)f.get_u32_array(e.key);
    (void)f.get_f32_array(e.key);
  }
  (void)summarize_model(f);
  std::vector<float> row;
  for (const GgufTensorInfo& t : f.tensors()) {
    if (t.data + t.n_bytes > f.bytes() + f.file_size()) std::abort();
    if (!ggml_traits(t.type).computable || t.dims[0] > 4096) continue;
    row.resize(t.dims[0]);
    kernels(t.type).dequantize(t.data, row.data(), static_cast<int64_t>(t.dims[0]));
  }
  GgufWriter w;
  if (!w.copy_from(f).is_ok()) std::abort();
  auto again = GgufFile::parse(w.serialize());
  if (!again.is_ok()) std::abort();
  if ((*again)->metadata().size() != f.metadata().size() || (*again)->tensors().size() != f.tensors().size()) std::abort();
  return 0;
}
