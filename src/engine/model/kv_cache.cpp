#include "engine/model/kv_cache.h"

#include <cstring>
#include <string>

#include "engine/model/row_ops.h"

namespace haven::engine {

const char* kv_type_name(KvType type) { return type == KvType::kF32 ? "f32" : "f16"; }

Result<KvType> parse_kv_type(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "f32") return KvType::kF32;
  if (lower == "f16") return KvType::kF16;
  return invalid_argument("KV cache type: expected f32 or f16, found '" + std::string(name) + "'");
}

KvCache::KvCache(KvType type, uint32_t n_layer, uint32_t n_ctx, uint32_t kv_dim)
    : type_(type), n_layer_(n_layer), n_ctx_(n_ctx), kv_dim_(kv_dim), elem_size_(type == KvType::kF32 ? 4 : 2) {
  storage_.resize(static_cast<size_t>(n_layer) * 2 * n_ctx * kv_dim * elem_size_);
}

size_t KvCache::offset(uint32_t layer, bool value, uint32_t pos) const {
  return ((static_cast<size_t>(layer) * 2 + (value ? 1 : 0)) * n_ctx_ + pos) * kv_dim_ * elem_size_;
}

void KvCache::store(uint32_t layer, uint32_t pos, const float* k, const float* v) {
  uint8_t* kd = storage_.data() + offset(layer, false, pos);
  uint8_t* vd = storage_.data() + offset(layer, true, pos);
  if (type_ == KvType::kF32) {
    std::memcpy(kd, k, kv_dim_ * 4);
    std::memcpy(vd, v, kv_dim_ * 4);
    return;
  }
  for (uint32_t i = 0; i < kv_dim_; ++i) {
    const uint16_t hk = model_detail::float_to_half(k[i]);
    const uint16_t hv = model_detail::float_to_half(v[i]);
    std::memcpy(kd + 2 * i, &hk, 2);
    std::memcpy(vd + 2 * i, &hv, 2);
  }
}

static void read_row(const uint8_t* src, KvType type, uint32_t from, uint32_t n, float* out) {
  if (type == KvType::kF32) {
    std::memcpy(out, src + 4 * static_cast<size_t>(from), 4 * static_cast<size_t>(n));
    return;
  }
  model_detail::dequantize_row(GgmlType::kF16, src + 2 * static_cast<size_t>(from), out, n);
}

void KvCache::read_k(uint32_t layer, uint32_t pos, uint32_t from, uint32_t n, float* out) const {
  read_row(storage_.data() + offset(layer, false, pos), type_, from, n, out);
}

void KvCache::read_v(uint32_t layer, uint32_t pos, uint32_t from, uint32_t n, float* out) const {
  read_row(storage_.data() + offset(layer, true, pos), type_, from, n, out);
}

const float* KvCache::k_f32(uint32_t layer, uint32_t pos) const {
  if (type_ != KvType::kF32) return nullptr;
  return reinterpret_cast<const float*>(storage_.data() + offset(layer, false, pos));
}

const float* KvCache::v_f32(uint32_t layer, uint32_t pos) const {
  if (type_ != KvType::kF32) return nullptr;
  return reinterpret_cast<const float*>(storage_.data() + offset(layer, true, pos));
}

}  // namespace haven::engine
