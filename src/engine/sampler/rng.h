// The sampler's random numbers: xoshiro256** (Blackman and Vigna, 2018) seeded through splitmix64.
//
// Haven does not use <random>'s distributions for sampling because libstdc++ and libc++ implement them
// differently, and a seed must give the same tokens on every build. Both generators here are fully
// specified by their published reference code, and uniform() is the documented 53-bit conversion, so
// the stream of numbers depends only on the seed.
#pragma once

#include <cstdint>

namespace haven::engine {

// splitmix64 (Steele, Lea and Flood): used to spread one 64-bit seed over xoshiro's 256-bit state.
inline uint64_t splitmix64_next(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Xoshiro256 {
 public:
  explicit Xoshiro256(uint64_t seed) { reseed(seed); }

  void reseed(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t& word : s_) word = splitmix64_next(sm);
  }

  // xoshiro256**: the next 64 random bits.
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // A double in [0, 1) with 53 random bits: (x >> 11) * 2^-53.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace haven::engine
