// KvCache: the keys and values of every past position, per layer, in F32 or F16.
//
// Layout per layer: K and V are each [n_ctx][kv_dim] (kv_dim = n_head_kv * head_dim), row p holding
// position p. F16 halves the memory at a small cost in precision (llama.cpp's default); F32 is closest
// to plain F32 math and is what the llama.cpp references in shared/testdata/models use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace haven::engine {

enum class KvType { kF32, kF16 };

const char* kv_type_name(KvType type);
// "f32" or "f16" (case-insensitive); kInvalidArgument otherwise ("expected f32 or f16, found 'q8'").
Result<KvType> parse_kv_type(std::string_view name);

class KvCache {
 public:
  KvCache(KvType type, uint32_t n_layer, uint32_t n_ctx, uint32_t kv_dim);

  KvType type() const { return type_; }
  uint32_t n_layer() const { return n_layer_; }
  uint32_t n_ctx() const { return n_ctx_; }
  uint32_t kv_dim() const { return kv_dim_; }
  size_t bytes() const { return storage_.size(); }

  // Stores the key and value rows (kv_dim floats each) of position pos in a layer.
  void store(uint32_t layer, uint32_t pos, const float* k, const float* v);
  // Reads kv_dim values of position pos, starting at element offset `from`, count n, into out.
  void read_k(uint32_t layer, uint32_t pos, uint32_t from, uint32_t n, float* out) const;
  void read_v(uint32_t layer, uint32_t pos, uint32_t from, uint32_t n, float* out) const;
  // Direct pointers for F32 caches (nullptr for F16).
  const float* k_f32(uint32_t layer, uint32_t pos) const;
  const float* v_f32(uint32_t layer, uint32_t pos) const;
  // The stored bytes of position pos (kv_dim elements of type(): floats or IEEE halves), for kernels
  // that read the cache without converting it row by row first. Valid until the cache is destroyed.
  const uint8_t* k_raw(uint32_t layer, uint32_t pos) const { return storage_.data() + offset(layer, false, pos); }
  const uint8_t* v_raw(uint32_t layer, uint32_t pos) const { return storage_.data() + offset(layer, true, pos); }

 private:
  size_t offset(uint32_t layer, bool value, uint32_t pos) const;

  KvType type_;
  uint32_t n_layer_, n_ctx_, kv_dim_;
  size_t elem_size_;
  std::vector<uint8_t> storage_;
};

}  // namespace haven::engine
