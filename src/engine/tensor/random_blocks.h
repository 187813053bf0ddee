// Deterministic random tensors of any computable type, for model files made by `haven dev make-model`,
// tests and benchmarks. The same seed gives the same bytes on every machine and compiler (no
// std::*_distribution, whose output the standard leaves open).
#pragma once

#include <cstdint>

#include "engine/tensor/ggml_type.h"

namespace haven::engine {

// splitmix64: small, fast, and fully specified.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next_u64() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  float uniform() { return static_cast<float>(next_u64() >> 40) * 0x1.0p-24f; }
  // Approximately normal (sum of four uniforms, rescaled): cheap, bounded, deterministic.
  float normal() { return (uniform() + uniform() + uniform() + uniform() - 2.0f) * 1.7320508f; }

 private:
  uint64_t state_;
};

// Fills n elements' worth of bytes of `type` (n a multiple of its block size) at dst: values of
// roughly standard deviation `scale`, every block well-formed (finite half-float scales).
void fill_random(GgmlType type, void* dst, int64_t n, float scale, Rng& rng);

}  // namespace haven::engine
