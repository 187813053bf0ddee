#include "engine/sampler/sampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "engine/sampler/rng.h"

namespace haven::engine {
namespace {

SamplerParams greedy_params() {
  SamplerParams p;
  p.temperature = 0.0f;
  return p;
}

// No filters, temperature 1: the draw follows the softmax of the logits.
SamplerParams plain_params(uint64_t seed) {
  SamplerParams p;
  p.temperature = 1.0f;
  p.top_k = 0;
  p.top_p = 1.0f;
  p.min_p = 0.0f;
  p.seed = seed;
  return p;
}

Sampler make(const SamplerParams& p) {
  auto s = Sampler::create(p);
  EXPECT_TRUE(s.is_ok()) << s.status().message();
  return std::move(s).value();
}

int32_t sample(Sampler& s, const std::vector<float>& logits) {
  auto r = s.sample(logits);
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r.is_ok() ? *r : -1;
}

std::vector<float> log_probs(const std::vector<double>& probs) {
  std::vector<float> l;
  for (double p : probs) l.push_back(static_cast<float>(std::log(p)));
  return l;
}

TEST(Rng, MatchesTheReferenceAlgorithms) {
  // splitmix64.c's published check: seed 1234567 gives 6457827717110365317, 3203168211198807973, …
  uint64_t state = 1234567;
  EXPECT_EQ(splitmix64_next(state), 6457827717110365317ULL);
  EXPECT_EQ(splitmix64_next(state), 3203168211198807973ULL);
  // xoshiro256** seeded by splitmix64, computed with an independent Python transcription of the
  // reference C code.
  Xoshiro256 r0(0);
  EXPECT_EQ(r0.next(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_EQ(r0.next(), 0xbf6e1f784956452aULL);
  EXPECT_EQ(r0.next(), 0x1a5f849d4933e6e0ULL);
  Xoshiro256 r42(42);
  EXPECT_EQ(r42.next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(r42.next(), 0x6104d9866d113a7eULL);
  // uniform() is the top 53 bits scaled by 2^-53.
  Xoshiro256 u(0);
  EXPECT_EQ(u.uniform(), static_cast<double>(0x99ec5f36cb75f2b4ULL >> 11) * 0x1.0p-53);
  for (int i = 0; i < 10000; ++i) {
    double x = u.uniform();
    ASSERT_GE(x, 0.0);
    ASSERT_LT(x, 1.0);
  }
}

TEST(Sampler, RejectsBadParameters) {
  auto bad = [](auto edit) {
    SamplerParams p;
    edit(p);
    auto s = Sampler::create(p);
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    return s.is_ok() ? std::string() : s.status().message();
  };
  EXPECT_NE(bad([](SamplerParams& p) { p.top_p = 1.5f; }).find("top_p"), std::string::npos);
  EXPECT_NE(bad([](SamplerParams& p) { p.min_p = -0.1f; }).find("min_p"), std::string::npos);
  EXPECT_NE(bad([](SamplerParams& p) { p.temperature = std::nanf(""); }).find("temperature"), std::string::npos);
  EXPECT_NE(bad([](SamplerParams& p) { p.repetition_penalty = 0.0f; }).find("repetition_penalty"),
            std::string::npos);
  EXPECT_NE(bad([](SamplerParams& p) { p.penalty_last_n = -1; }).find("penalty_last_n"), std::string::npos);
  EXPECT_NE(bad([](SamplerParams& p) { p.presence_penalty = INFINITY; }).find("presence_penalty"),
            std::string::npos);
}

TEST(Sampler, RejectsBadLogits) {
  Sampler s = make(plain_params(1));
  EXPECT_EQ(s.sample(std::vector<float>{}).status().code(), StatusCode::kInvalidArgument);
  auto nan = s.sample(std::vector<float>{0.0f, std::nanf(""), 1.0f});
  EXPECT_EQ(nan.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(nan.status().message().find("NaN for token 1"), std::string::npos);
  EXPECT_FALSE(s.sample(std::vector<float>{INFINITY}).is_ok());
  const float ninf = -std::numeric_limits<float>::infinity();
  EXPECT_FALSE(s.sample(std::vector<float>{ninf, ninf}).is_ok());
  Sampler g = make(greedy_params());
  EXPECT_FALSE(g.sample(std::vector<float>{ninf, ninf}).is_ok());
}

TEST(Sampler, GreedyIsArgmaxWithLowestIdOnTies) {
  Sampler s = make(greedy_params());
  EXPECT_EQ(sample(s, {0.1f, 3.0f, -2.0f, 2.9f}), 1);
  EXPECT_EQ(sample(s, {1.0f, 5.0f, 5.0f, 5.0f}), 1);
  EXPECT_EQ(sample(s, {-std::numeric_limits<float>::infinity(), -7.0f}), 1);
}

TEST(Sampler, RepetitionPenaltyDividesPositiveAndMultipliesNegativeLogits) {
  SamplerParams p = greedy_params();
  p.repetition_penalty = 1.5f;
  Sampler s = make(p);
  EXPECT_EQ(sample(s, {2.0f, 1.9f}), 0);  // nothing accepted yet
  s.accept(0);
  EXPECT_EQ(sample(s, {2.0f, 1.9f}), 1);    // 2.0 / 1.5 = 1.33 < 1.9
  EXPECT_EQ(sample(s, {-1.0f, -1.2f}), 1);  // -1.0 * 1.5 = -1.5 < -1.2
  EXPECT_EQ(sample(s, {2.0f, 1.2f}), 0);    // 1.33 > 1.2
}

TEST(Sampler, PresenceAndFrequencyPenalties) {
  SamplerParams p = greedy_params();
  p.presence_penalty = 0.5f;
  Sampler presence = make(p);
  presence.accept(0);
  EXPECT_EQ(sample(presence, {1.0f, 0.8f}), 1);  // 1.0 - 0.5
  presence.accept(0);
  EXPECT_EQ(sample(presence, {1.0f, 0.45f}), 0);  // still 0.5 once, however often seen

  p = greedy_params();
  p.frequency_penalty = 0.15f;
  Sampler freq = make(p);
  freq.accept(0);
  EXPECT_EQ(sample(freq, {1.0f, 0.8f}), 0);  // 0.85 > 0.8
  freq.accept(0);
  EXPECT_EQ(sample(freq, {1.0f, 0.8f}), 1);  // 0.70 < 0.8
}

TEST(Sampler, PenaltiesOnlyLookAtTheWindow) {
  SamplerParams p = greedy_params();
  p.presence_penalty = 1.0f;
  p.penalty_last_n = 2;
  Sampler s = make(p);
  s.accept(0);
  EXPECT_EQ(sample(s, {1.0f, 0.5f, 0.0f}), 1);
  s.accept(2);
  s.accept(2);  // token 0 has left the two-token window
  EXPECT_EQ(sample(s, {1.0f, 0.5f, 0.0f}), 0);
  s.accept(1'000'000);  // an id beyond the logits is harmless
  EXPECT_EQ(sample(s, {1.0f, 0.5f, 0.0f}), 0);
  p.penalty_last_n = 0;  // penalties off
  Sampler off = make(p);
  off.accept(0);
  EXPECT_EQ(sample(off, {1.0f, 0.5f}), 0);
}

TEST(Sampler, SameSeedSameSequenceDifferentSeedDifferent) {
  SamplerParams p;  // llama.cpp's defaults: top-k 40, top-p 0.95, min-p 0.05, temperature 0.8
  p.seed = 1234;
  std::vector<float> logits(500);
  auto run = [&](Sampler& s) {
    std::vector<int32_t> out;
    for (int step = 0; step < 200; ++step) {
      for (size_t i = 0; i < logits.size(); ++i) {
        logits[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i) + step) * 3.0);
      }
      int32_t t = sample(s, logits);
      s.accept(t);
      out.push_back(t);
    }
    return out;
  };
  Sampler a = make(p), b = make(p);
  std::vector<int32_t> first = run(a);
  EXPECT_EQ(first, run(b));
  a.reset();
  EXPECT_EQ(first, run(a));
  p.seed = 1235;
  Sampler c = make(p);
  EXPECT_NE(first, run(c));
  // More than one token was chosen: the draws are not collapsed to greedy.
  EXPECT_GT(std::set<int32_t>(first.begin(), first.end()).size(), 10u);
}

TEST(Sampler, FixedSeedSequenceIsPinned) {
  // The first tokens for seed 42 over a fixed distribution. They are derived from the xoshiro reference
  // values above: a change here means the RNG, the draw order or the chain changed, and with it every
  // seed a user has written down.
  Sampler s = make(plain_params(42));
  const std::vector<float> logits = log_probs({0.1, 0.2, 0.3, 0.4});
  // Order by (logit desc): ids 3, 2, 1, 0 with cumulative 0.4, 0.7, 0.9, 1.0 - but no filter ran, so the
  // draw walks ids in order: cumulative 0.1, 0.3, 0.6, 1.0.
  Xoshiro256 ref(42);
  std::vector<int32_t> want, got;
  for (int i = 0; i < 32; ++i) {
    double u = ref.uniform();
    want.push_back(u < 0.1 ? 0 : u < 0.3 ? 1 : u < 0.6 ? 2 : 3);
    got.push_back(sample(s, logits));
  }
  EXPECT_EQ(got, want);
  // The same with a filter: the walk is in descending order.
  SamplerParams p = plain_params(42);
  p.top_k = 4;
  Sampler k = make(p);
  Xoshiro256 ref2(42);
  for (int i = 0; i < 32; ++i) {
    double u = ref2.uniform();
    int32_t w = u < 0.4 ? 3 : u < 0.7 ? 2 : u < 0.9 ? 1 : 0;
    EXPECT_EQ(sample(k, logits), w) << "draw " << i;
  }
}

std::map<int32_t, int> histogram(Sampler& s, const std::vector<float>& logits, int n) {
  std::map<int32_t, int> h;
  for (int i = 0; i < n; ++i) ++h[sample(s, logits)];
  return h;
}

TEST(Sampler, TemperatureOneFollowsTheSoftmax) {
  Sampler s = make(plain_params(7));
  auto h = histogram(s, log_probs({0.7, 0.2, 0.1}), 20000);
  EXPECT_NEAR(h[0] / 20000.0, 0.7, 0.02);
  EXPECT_NEAR(h[1] / 20000.0, 0.2, 0.02);
  EXPECT_NEAR(h[2] / 20000.0, 0.1, 0.02);
}

TEST(Sampler, LowTemperatureSharpensHighTemperatureFlattens) {
  SamplerParams p = plain_params(7);
  p.temperature = 0.25f;  // probabilities become 0.7^4 : 0.2^4 : 0.1^4, about 0.9959 : 0.0033 : 0.0002
  Sampler cold = make(p);
  auto h = histogram(cold, log_probs({0.7, 0.2, 0.1}), 5000);
  EXPECT_GT(h[0], 4900);
  p.temperature = 4.0f;  // 0.7^0.25 : 0.2^0.25 : 0.1^0.25, about 0.42 : 0.31 : 0.26
  Sampler hot = make(p);
  h = histogram(hot, log_probs({0.7, 0.2, 0.1}), 20000);
  EXPECT_NEAR(h[2] / 20000.0, 0.26, 0.02);
}

TEST(Sampler, TopKKeepsOnlyTheKBest) {
  SamplerParams p = plain_params(3);
  p.top_k = 2;
  Sampler s = make(p);
  auto h = histogram(s, log_probs({0.3, 0.1, 0.35, 0.25}), 10000);
  EXPECT_EQ(h.count(1) + h.count(3), 0u);
  // Renormalised over the survivors: 0.3 / 0.65 and 0.35 / 0.65.
  EXPECT_NEAR(h[0] / 10000.0, 0.3 / 0.65, 0.02);
  p.top_k = 1;
  Sampler one = make(p);
  EXPECT_EQ(histogram(one, log_probs({0.3, 0.1, 0.35, 0.25}), 200)[2], 200);
}

TEST(Sampler, TopPKeepsTheSmallestSetReachingP) {
  SamplerParams p = plain_params(5);
  p.top_p = 0.6f;  // 0.5 alone is short of 0.6; 0.5 + 0.3 reaches it
  Sampler s = make(p);
  auto h = histogram(s, log_probs({0.2, 0.5, 0.3}), 10000);
  EXPECT_EQ(h.count(0), 0u);
  EXPECT_NEAR(h[1] / 10000.0, 0.5 / 0.8, 0.02);
  p.top_p = 0.5f;  // exactly reached by the first token
  Sampler exact = make(p);
  EXPECT_EQ(histogram(exact, log_probs({0.2, 0.5, 0.3}), 300)[1], 300);
  p.top_p = 0.0f;  // keeps one token
  Sampler zero = make(p);
  EXPECT_EQ(histogram(zero, log_probs({0.2, 0.5, 0.3}), 300)[1], 300);
}

TEST(Sampler, MinPKeepsTokensNearTheTop) {
  SamplerParams p = plain_params(9);
  p.min_p = 0.5f;  // keep p >= 0.25 when the top is 0.5
  Sampler s = make(p);
  auto h = histogram(s, log_probs({0.2, 0.5, 0.3}), 10000);
  EXPECT_EQ(h.count(0), 0u);
  EXPECT_GT(h[2], 2500);
}

TEST(Sampler, MaskedTokensAreNeverDrawn) {
  Sampler s = make(plain_params(11));
  const float ninf = -std::numeric_limits<float>::infinity();
  auto h = histogram(s, {ninf, 0.0f, ninf, 0.0f}, 2000);
  EXPECT_EQ(h.count(0) + h.count(2), 0u);
  EXPECT_GT(h[1], 800);
  EXPECT_GT(h[3], 800);
}

// A straightforward implementation of the documented chain (full sorts, no partial sorting): Sampler must
// choose exactly the same tokens on a large vocabulary.
int32_t reference_sample(const SamplerParams& p, const std::vector<float>& logits, Xoshiro256& rng) {
  struct C {
    float logit;
    int32_t id;
  };
  std::vector<C> c;
  for (size_t i = 0; i < logits.size(); ++i) c.push_back({logits[i], static_cast<int32_t>(i)});
  auto sort_all = [&] {
    std::sort(c.begin(), c.end(),
              [](const C& a, const C& b) { return a.logit > b.logit || (a.logit == b.logit && a.id < b.id); });
  };
  auto max_of = [&] {
    double m = c[0].logit;
    for (const C& x : c) m = std::max(m, static_cast<double>(x.logit));
    return m;
  };
  if (p.top_k > 0 && static_cast<size_t>(p.top_k) < c.size()) {
    sort_all();
    c.resize(static_cast<size_t>(p.top_k));
  }
  if (p.top_p < 1.0f) {
    const double m = max_of();
    double sum = 0, cum = 0;
    for (const C& x : c) sum += std::exp(static_cast<double>(x.logit) - m);  // in the current order
    sort_all();
    for (size_t i = 0; i < c.size(); ++i) {
      cum += std::exp(static_cast<double>(c[i].logit) - m);
      if (cum / sum >= p.top_p) {
        c.resize(i + 1);
        break;
      }
    }
  }
  if (p.min_p > 0.0f) {
    sort_all();
    const float thr = c[0].logit + std::log(p.min_p);
    size_t keep = 0;
    while (keep < c.size() && c[keep].logit >= thr) ++keep;
    c.resize(std::max<size_t>(keep, 1));
  }
  if (p.top_k > 0 || p.top_p < 1.0f || p.min_p > 0.0f) sort_all();
  const double m = max_of();
  double sum = 0, cum = 0;
  for (const C& x : c) sum += std::exp((static_cast<double>(x.logit) - m) / static_cast<double>(p.temperature));
  const double target = rng.uniform() * sum;
  for (const C& x : c) {
    cum += std::exp((static_cast<double>(x.logit) - m) / static_cast<double>(p.temperature));
    if (cum > target) return x.id;
  }
  return c.back().id;
}

TEST(Sampler, AgreesWithAFullSortReferenceOnALargeVocabulary) {
  struct Setting {
    int32_t top_k;
    float top_p, min_p, temperature;
  };
  const std::vector<Setting> settings = {
      {40, 0.95f, 0.05f, 0.8f}, {0, 0.9f, 0.0f, 1.0f}, {0, 0.99f, 0.0f, 1.3f},
      {0, 1.0f, 0.02f, 0.7f},   {1000, 0.97f, 0.0f, 1.0f}, {5, 1.0f, 0.0f, 2.0f},
      {0, 1.0f, 0.0f, 1.0f},    {50000, 1.0f, 0.0f, 0.9f},
  };
  std::vector<float> logits(6000);
  for (const Setting& st : settings) {
    SamplerParams p;
    p.top_k = st.top_k;
    p.top_p = st.top_p;
    p.min_p = st.min_p;
    p.temperature = st.temperature;
    p.seed = 99;
    Sampler s = make(p);
    Xoshiro256 ref(99);
    Xoshiro256 gen(12345);
    for (int step = 0; step < 15; ++step) {
      // Heavy-tailed logits with many exact ties (quantised to 1/8) to exercise the tie order.
      for (float& l : logits) l = std::round(static_cast<float>(gen.uniform() * gen.uniform() * 12.0) * 8.0f) / 8.0f;
      ASSERT_EQ(sample(s, logits), reference_sample(p, logits, ref))
          << "top_k " << st.top_k << " top_p " << st.top_p << " min_p " << st.min_p << " step " << step;
    }
  }
}

}  // namespace
}  // namespace haven::engine
