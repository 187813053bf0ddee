#include "engine/tensor/random_blocks.h"

#include <cassert>
#include <cstring>

#include "engine/tensor/fp16.h"
#include "engine/tensor/quant_blocks.h"

namespace haven::engine {
namespace {

void random_bytes(uint8_t* p, size_t n, Rng& rng) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v = rng.next_u64();
    std::memcpy(p + i, &v, 8);
  }
  if (i < n) {
    uint64_t v = rng.next_u64();
    std::memcpy(p + i, &v, n - i);
  }
}

// A half-float step so that values spread over `levels` steps have about `scale` deviation.
uint16_t step(float scale, float levels, Rng& rng) { return fp32_to_fp16(scale * (0.75f + 0.5f * rng.uniform()) * 1.7f / levels); }

}  // namespace

void fill_random(GgmlType type, void* dst, int64_t n, float scale, Rng& rng) {
  uint8_t* out = static_cast<uint8_t*>(dst);
  const GgmlTypeTraits tr = ggml_traits(type);
  assert(n % tr.block_size == 0);
  const int64_t blocks = n / tr.block_size;
  switch (type) {
    case GgmlType::kF32:
      for (int64_t i = 0; i < n; ++i) {
        float v = rng.normal() * scale;
        std::memcpy(out + 4 * i, &v, 4);
      }
      return;
    case GgmlType::kF16:
    case GgmlType::kBF16:
      for (int64_t i = 0; i < n; ++i) {
        float v = rng.normal() * scale;
        uint16_t h = type == GgmlType::kF16 ? fp32_to_fp16(v) : fp32_to_bf16(v);
        std::memcpy(out + 2 * i, &h, 2);
      }
      return;
    default: break;
  }
  // Quantized: random quant bits, then sane scales written over the scale fields.
  random_bytes(out, static_cast<size_t>(blocks) * tr.type_size, rng);
  for (int64_t b = 0; b < blocks; ++b) {
    uint8_t* blk = out + b * tr.type_size;
    switch (type) {
      case GgmlType::kQ4_0: reinterpret_cast<BlockQ4_0*>(blk)->d = step(scale, 8, rng); break;
      case GgmlType::kQ5_0: reinterpret_cast<BlockQ5_0*>(blk)->d = step(scale, 16, rng); break;
      case GgmlType::kQ8_0: reinterpret_cast<BlockQ8_0*>(blk)->d = step(scale, 128, rng); break;
      case GgmlType::kQ4_1: {
        auto* q = reinterpret_cast<BlockQ4_1*>(blk);
        q->d = step(scale, 8, rng);
        q->m = fp32_to_fp16(-fp16_to_fp32(q->d) * 7.5f);
        break;
      }
      case GgmlType::kQ5_1: {
        auto* q = reinterpret_cast<BlockQ5_1*>(blk);
        q->d = step(scale, 16, rng);
        q->m = fp32_to_fp16(-fp16_to_fp32(q->d) * 15.5f);
        break;
      }
      case GgmlType::kQ4_K:
      case GgmlType::kQ5_K: {
        // Scales and mins are 6-bit (0..63): x = d*sc*q - dmin*m, centre it around zero on average.
        float levels = type == GgmlType::kQ4_K ? 8.0f : 16.0f;
        uint16_t d = step(scale, levels * 32.0f, rng);
        std::memcpy(blk, &d, 2);
        uint16_t dmin = fp32_to_fp16(fp16_to_fp32(d) * levels);
        std::memcpy(blk + 2, &dmin, 2);
        break;
      }
      case GgmlType::kQ6_K: {
        auto* q = reinterpret_cast<BlockQ6_K*>(blk);
        for (auto& s : q->scales) s = static_cast<int8_t>(16 + static_cast<int>(rng.next_u64() % 32));
        q->d = step(scale, 32.0f * 32.0f, rng);
        break;
      }
      case GgmlType::kQ8_K: {
        auto* q = reinterpret_cast<BlockQ8_K*>(blk);
        for (auto& v : q->qs) {
          if (v == -128) v = -127;
        }
        for (int j = 0; j < 16; ++j) {
          int s = 0;
          for (int k = 0; k < 16; ++k) s += q->qs[j * 16 + k];
          q->bsums[j] = static_cast<int16_t>(s);
        }
        q->d = scale * 1.7f / 128.0f;
        break;
      }
      default: assert(false && "fill_random: type not computable");
    }
  }
}

}  // namespace haven::engine
