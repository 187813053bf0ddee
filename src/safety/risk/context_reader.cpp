#include "safety/risk/context_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "safety/risk/ideation_classifier.h"

namespace haven::safety::risk {

// Defined in the generated context_reader_weights.cpp: the pieces of the encoded table (decode_shipped_ensemble).
extern const char* const* const kContextModelPieces[];

namespace {

constexpr uint64_t kFnvOffset = kFnv1aOffset;

uint64_t fnv_extend(uint64_t h, std::string_view bytes) { return fnv1a_extend(h, bytes); }

constexpr char kMagic[4] = {'H', 'C', 'R', '1'};
constexpr char kEnsembleMagic[4] = {'H', 'C', 'E', '1'};
constexpr size_t kHeaderFloats = 3;  // output bias, threshold, confident threshold
constexpr size_t kFloatCount =
    kHeaderFloats + kContextFilters + kContextFilters + kContextFilters * kContextWidth * kContextDim;
constexpr size_t kRowBytes = 4 + kContextDim;
constexpr size_t kEncodedSize = sizeof(kMagic) + kFloatCount * 4 + size_t{kContextBuckets} * kRowBytes;

void put_f32(std::string& out, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

float get_f32(const unsigned char* p) {
  uint32_t bits = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  float v;
  std::memcpy(&v, &bits, 4);
  return v;
}

bool counts_as_word(const text::Token& t) { return !t.is_boundary(); }

// The embedding buckets of the features of some tokens: token i's are buckets[start[i]] up to
// buckets[start[i + 1]]. Hashed once, however many networks read them.
struct TokenFeatures {
  std::vector<uint32_t> buckets;
  std::vector<uint32_t> start;
};

// The vector of each token: the mean of its features' embeddings, kContextDim floats per token. Always
// inlined, so each caller below compiles it for its own instruction set: turning the small integers of the
// table into floats is much of the reader's time, and wider registers do it in fewer steps.
[[gnu::always_inline]] inline std::vector<float> token_vectors_in(const TokenFeatures& features,
                                                                  const ContextModel& model) {
  const size_t count = features.start.size() - 1;
  std::vector<float> x(count * kContextDim, 0.0f);
  for (size_t t = 0; t < count; ++t) {
    float* xt = &x[t * kContextDim];
    const uint32_t first = features.start[t], last = features.start[t + 1];
    const float inv = 1.0f / static_cast<float>(last - first);
    for (uint32_t i = first; i < last; ++i) {
      const uint32_t bucket = features.buckets[i];
      const int8_t* e = &model.embeddings[size_t{bucket} * kContextDim];
      const float scale = model.embedding_scale[bucket] * inv;
      std::array<float, kContextDim> row;
      for (size_t d = 0; d < kContextDim; ++d) row[d] = static_cast<float>(e[d]);
      for (size_t d = 0; d < kContextDim; ++d) xt[d] += scale * row[d];
    }
  }
  return x;
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) std::vector<float> token_vectors_avx2(const TokenFeatures& features,
                                                                           const ContextModel& model) {
  return token_vectors_in(features, model);
}
#endif

bool eight_wide() {
  static const bool kEightWide = context_eight_wide_available();
  return kEightWide;
}

std::vector<float> token_vectors(const TokenFeatures& features, const ContextModel& model) {
#if defined(__x86_64__)
  if (eight_wide()) return token_vectors_avx2(features, model);
#endif
  return token_vectors_in(features, model);
}

// Four or eight floats the compiler keeps in one vector register (g++ and clang both understand the
// attribute).
using Float4 = float __attribute__((vector_size(16)));
using Float8 = float __attribute__((vector_size(32)));

// Written through a reference: returning a wide vector from a function built for narrower registers
// would change the calling convention (and g++ warns).
template <typename Vec>
[[gnu::always_inline]] inline void load(Vec& v, const float* p) {
  std::memcpy(&v, p, sizeof v);
}

// Every filter's response at every token, kContextFilters floats per token: the filters read the whole
// text, zero beyond its ends. With one zero token added at each end, the input of the filters at token t
// is the kContextWidth * kContextDim floats starting at padded token t, so the responses are one matrix
// product; it is computed two tokens and sixteen filters at a time, in registers, because this is where
// the reader spends its time (a 500-word message is 0.9 million multiply-adds). Vec is the register
// width: always inlined, so each caller below compiles it for its own instruction set.
template <typename Vec>
[[gnu::always_inline]] inline std::vector<float> responses_in(const std::vector<float>& x, size_t count,
                                                              const ContextModel& model) {
  constexpr size_t kInputs = kContextWidth * kContextDim;
  constexpr size_t kBlock = 16;
  constexpr size_t kLanes = sizeof(Vec) / sizeof(float);
  constexpr size_t kParts = kBlock / kLanes;
  static_assert(kContextFilters % kBlock == 0 && kContextWidth == 3, "the blocks below assume these sizes");
  std::vector<float> by_input(kInputs * kContextFilters);  // [tap * kContextDim + dim][filter]
  for (size_t k = 0; k < kContextFilters; ++k)
    for (size_t i = 0; i < kInputs; ++i) by_input[i * kContextFilters + k] = model.filters[k * kInputs + i];
  std::vector<float> padded((count + 3) * kContextDim, 0.0f);  // a zero token before, two after (pairs)
  std::copy(x.begin(), x.end(), padded.begin() + kContextDim);
  std::vector<float> z((count + 1) * kContextFilters);
  for (size_t block = 0; block < kContextFilters; block += kBlock) {
    Vec bias[kParts];
    for (size_t q = 0; q < kParts; ++q) load(bias[q], &model.filter_bias[block + q * kLanes]);
    for (size_t t = 0; t < count; t += 2) {
      Vec a[kParts], c[kParts];  // tokens t and t + 1
      for (size_t q = 0; q < kParts; ++q) a[q] = c[q] = bias[q];
      const float* u = &padded[t * kContextDim];
      const float* v = u + kContextDim;
      for (size_t i = 0; i < kInputs; ++i) {
        const float* w = &by_input[i * kContextFilters + block];
        const float xu = u[i], xv = v[i];
        for (size_t q = 0; q < kParts; ++q) {
          Vec wq;
          load(wq, w + q * kLanes);
          a[q] += wq * xu;
          c[q] += wq * xv;
        }
      }
      float* zt = &z[t * kContextFilters + block];
      float* zn = zt + kContextFilters;  // token t + 1; for an odd count the row past the end is scratch
      for (size_t q = 0; q < kParts; ++q) {
        std::memcpy(zt + q * kLanes, &a[q], sizeof(Vec));
        std::memcpy(zn + q * kLanes, &c[q], sizeof(Vec));
      }
    }
  }
  z.resize(count * kContextFilters);
  return z;
}

#if defined(__x86_64__)
// The same with eight-float registers and fused multiply-adds, where the processor has them (most since
// 2013): about twice as fast. Sums may differ from the four-float path in the last bits.
__attribute__((target("avx2,fma"))) std::vector<float> responses_avx2(const std::vector<float>& x, size_t count,
                                                                       const ContextModel& model) {
  return responses_in<Float8>(x, count, model);
}
#endif

std::vector<float> responses(const std::vector<float>& x, size_t count, const ContextModel& model) {
  return context_filter_responses(x, count, model, eight_wide() ? ContextKernel::kEightWide : ContextKernel::kFourWide);
}

// The network's reading of the tokens [begin, end): the logit, and for each filter where its maximum was.
struct Reading {
  float logit = 0.0f;
  std::vector<float> activation;  // h_k
  std::vector<size_t> where;      // token index of the maximum of filter k
};

// The same reading with where each filter peaked, for the evidence of a window that fired.
Reading read(const std::vector<float>& z, size_t begin, size_t end, const ContextModel& model) {
  Reading r;
  r.activation.assign(kContextFilters, 0.0f);
  r.where.assign(kContextFilters, begin);
  for (size_t t = begin; t < end; ++t) {
    const float* zt = &z[t * kContextFilters];
    for (size_t k = 0; k < kContextFilters; ++k)
      if (zt[k] > r.activation[k]) {
        r.activation[k] = zt[k];
        r.where[k] = t;
      }
  }
  r.logit = model.output_bias;
  for (size_t k = 0; k < kContextFilters; ++k) r.logit += model.output[k] * r.activation[k];
  return r;
}

float sigmoid(float v) { return 1.0f / (1.0f + std::exp(-v)); }

// The vectors of a text's distinct tokens, for each member: a token that comes again (most words of a
// message do) is hashed once and looked up in each member's table once, when that member first reads it.
// Before a stretch that would take it past kCachedTokens it starts afresh, so memory stays small however
// long and varied the message.
class TokenVectorCache {
 public:
  TokenVectorCache(const ContextModel* const* members, size_t count) : members_(members, members + count) {
    vectors_.resize(count);
  }

  // The row of each token of [from, to), adding the tokens not seen yet.
  std::vector<uint32_t> rows_of(const std::vector<text::Token>& tokens, size_t from, size_t to) {
    if (index_.size() + (to - from) > kCachedTokens) {
      index_.clear();
      features_ = TokenFeatures{};
      for (auto& v : vectors_) v.clear();
    }
    if (features_.start.empty()) features_.start.push_back(0);
    std::vector<uint32_t> rows;
    rows.reserve(to - from);
    for (size_t t = from; t < to; ++t) {
      auto [it, is_new] = index_.emplace(tokens[t].text, static_cast<uint32_t>(index_.size()));
      if (is_new) {
        context_token_features(tokens[t].text, features_.buckets);
        features_.start.push_back(static_cast<uint32_t>(features_.buckets.size()));
      }
      rows.push_back(it->second);
    }
    return rows;
  }

  // The token vectors of rows, kContextDim floats each, for one member.
  std::vector<float> vectors(size_t member, const std::vector<uint32_t>& rows) {
    std::vector<float>& known = vectors_[member];
    const size_t done = known.size() / kContextDim;
    if (done < index_.size()) {
      TokenFeatures rest;  // the rows this member has not read yet
      const uint32_t base = features_.start[done];
      rest.buckets.assign(features_.buckets.begin() + base, features_.buckets.end());
      for (size_t r = done; r < features_.start.size(); ++r) rest.start.push_back(features_.start[r] - base);
      const std::vector<float> x = token_vectors(rest, *members_[member]);
      known.insert(known.end(), x.begin(), x.end());
    }
    std::vector<float> x(rows.size() * kContextDim);
    for (size_t i = 0; i < rows.size(); ++i)
      std::memcpy(&x[i * kContextDim], &known[size_t{rows[i]} * kContextDim], kContextDim * sizeof(float));
    return x;
  }

 private:
  static constexpr size_t kCachedTokens = 4096;
  std::vector<const ContextModel*> members_;  // borrowed
  std::unordered_map<std::string_view, uint32_t> index_;  // views into the text's tokens
  TokenFeatures features_;                                // of each row
  std::vector<std::vector<float>> vectors_;               // per member, kContextDim floats per row read
};

// The tokens [begin, end) of a text with their neighbours on each side (the filters read one token beyond
// the range; zero only beyond the text's ends), as rows of the cache.
struct Stretch {
  size_t begin = 0, end = 0;  // the range read
  size_t from = 0, to = 0;    // with its neighbours
  std::vector<uint32_t> rows;  // of [from, to)
};

Stretch stretch_of(const std::vector<text::Token>& tokens, size_t begin, size_t end, TokenVectorCache& cache) {
  Stretch s;
  s.begin = begin;
  s.end = end;
  s.from = begin > 0 ? begin - 1 : 0;
  s.to = std::min(tokens.size(), end + 1);
  s.rows = cache.rows_of(tokens, s.from, s.to);
  return s;
}

// One member's responses over a stretch, token-major, for [from, to): rows begin - from to end - from are
// what the whole text would give at [begin, end).
std::vector<float> responses_of(const Stretch& s, TokenVectorCache& cache, size_t member,
                                const ContextModel& model) {
  return responses(cache.vectors(member, s.rows), s.to - s.from, model);
}

ContextModel never_firing_model() {
  ContextModel m;
  m.embeddings.assign(size_t{kContextBuckets} * kContextDim, 0);
  m.embedding_scale.assign(kContextBuckets, 0.0f);
  m.filters.assign(kContextFilters * kContextWidth * kContextDim, 0.0f);
  m.filter_bias.assign(kContextFilters, 0.0f);
  m.output.assign(kContextFilters, 0.0f);
  return m;  // thresholds stay at 1: never fires
}

}  // namespace

bool context_eight_wide_available() {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

std::vector<float> context_filter_responses(const std::vector<float>& token_vectors, size_t count,
                                            const ContextModel& model, ContextKernel kernel) {
#if defined(__x86_64__)
  if (kernel == ContextKernel::kEightWide && context_eight_wide_available())
    return responses_avx2(token_vectors, count, model);
#endif
  (void)kernel;
  return responses_in<Float4>(token_vectors, count, model);
}

void context_token_features(std::string_view token, std::vector<uint32_t>& out) {
  out.push_back(static_cast<uint32_t>(fnv_extend(fnv_extend(kFnvOffset, "w "), token) % kContextBuckets));
  if (token.size() == 1 && (token[0] == '.' || token[0] == '?' || token[0] == '!' || token[0] == ',')) return;
  char marked[kContextMaxGramWordBytes + 2];  // "<token>", on the stack: this runs for every word read
  const size_t length = std::min(token.size(), kContextMaxGramWordBytes);
  marked[0] = '<';
  std::memcpy(marked + 1, token.data(), length);
  marked[length + 1] = '>';
  const std::string_view whole(marked, length + 2);
  const uint64_t prefix = fnv_extend(kFnvOffset, "c ");
  for (size_t n = kContextMinGram; n <= kContextMaxGram; ++n)
    for (size_t i = 0; i + n <= whole.size(); ++i)
      out.push_back(static_cast<uint32_t>(fnv_extend(prefix, whole.substr(i, n)) % kContextBuckets));
}

void set_embeddings(ContextModel& model, const std::vector<float>& values) {
  model.embeddings.assign(size_t{kContextBuckets} * kContextDim, 0);
  model.embedding_scale.assign(kContextBuckets, 0.0f);
  for (size_t b = 0; b < kContextBuckets; ++b) {
    const float* e = &values[b * kContextDim];
    float largest = 0.0f;
    for (size_t d = 0; d < kContextDim; ++d) largest = std::max(largest, std::fabs(e[d]));
    if (!(largest > 0.0f) || !std::isfinite(largest)) continue;
    const float scale = largest / 127.0f;
    model.embedding_scale[b] = scale;
    for (size_t d = 0; d < kContextDim; ++d)
      model.embeddings[b * kContextDim + d] = static_cast<int8_t>(std::clamp(std::lround(e[d] / scale), -127L, 127L));
  }
}

std::string encode_context_model(const ContextModel& model) {
  std::string out(kMagic, sizeof(kMagic));
  out.reserve(kEncodedSize);
  put_f32(out, model.output_bias);
  put_f32(out, model.threshold);
  put_f32(out, model.confident_threshold);
  for (float v : model.filter_bias) put_f32(out, v);
  for (float v : model.output) put_f32(out, v);
  for (float v : model.filters) put_f32(out, v);
  for (size_t b = 0; b < kContextBuckets; ++b) {
    put_f32(out, model.embedding_scale[b]);
    out.append(reinterpret_cast<const char*>(&model.embeddings[b * kContextDim]), kContextDim);
  }
  return out;
}

Result<ContextModel> decode_context_model(std::string_view bytes) {
  if (bytes.size() != kEncodedSize)
    return corruption("context reader table: expected " + std::to_string(kEncodedSize) + " bytes, found " +
                      std::to_string(bytes.size()));
  if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return corruption("context reader table: expected magic HCR1, found something else");
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + sizeof(kMagic);
  std::vector<float> floats(kFloatCount);
  for (size_t i = 0; i < kFloatCount; ++i, p += 4) {
    floats[i] = get_f32(p);
    if (!std::isfinite(floats[i]))
      return corruption("context reader table: expected finite numbers, found a non-finite one at number " +
                        std::to_string(i));
  }
  ContextModel m;
  m.output_bias = floats[0];
  m.threshold = floats[1];
  m.confident_threshold = floats[2];
  auto at = floats.begin() + kHeaderFloats;
  m.filter_bias.assign(at, at + kContextFilters);
  at += kContextFilters;
  m.output.assign(at, at + kContextFilters);
  at += kContextFilters;
  m.filters.assign(at, floats.end());
  m.embeddings.resize(size_t{kContextBuckets} * kContextDim);
  m.embedding_scale.resize(kContextBuckets);
  for (size_t b = 0; b < kContextBuckets; ++b, p += kRowBytes) {
    const float scale = get_f32(p);
    if (!std::isfinite(scale) || scale < 0.0f)
      return corruption("context reader table: expected a finite scale of 0 or more for embedding " + std::to_string(b) +
                        ", found " + std::to_string(scale));
    m.embedding_scale[b] = scale;
    std::memcpy(&m.embeddings[b * kContextDim], p + 4, kContextDim);
  }
  return m;
}

std::string encode_context_ensemble(const ContextEnsemble& ensemble) {
  std::string out(kEnsembleMagic, sizeof(kEnsembleMagic));
  const auto count = static_cast<uint32_t>(ensemble.members.size());
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((count >> (8 * i)) & 0xff));
  put_f32(out, ensemble.threshold);
  put_f32(out, ensemble.confident_threshold);
  for (const ContextModel& m : ensemble.members) out += encode_context_model(m);
  return out;
}

Result<ContextEnsemble> decode_context_ensemble(std::string_view bytes) {
  constexpr size_t kHeader = kContextEnsembleHeaderBytes;
  static_assert(kHeader == sizeof(kEnsembleMagic) + 4 + 8, "magic, member count, two thresholds");
  if (bytes.size() < kHeader)
    return corruption("context reader ensemble: expected at least " + std::to_string(kHeader) + " bytes, found " +
                      std::to_string(bytes.size()));
  if (std::memcmp(bytes.data(), kEnsembleMagic, sizeof(kEnsembleMagic)) != 0)
    return corruption("context reader ensemble: expected magic HCE1, found something else");
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + sizeof(kEnsembleMagic);
  const uint32_t count = uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  if (count < 1 || count > kContextMaxMembers)
    return corruption("context reader ensemble: expected 1 to " + std::to_string(kContextMaxMembers) +
                      " members, found " + std::to_string(count));
  if (bytes.size() != kHeader + size_t{count} * kEncodedSize)
    return corruption("context reader ensemble: expected " + std::to_string(kHeader + size_t{count} * kEncodedSize) +
                      " bytes for " + std::to_string(count) + " members, found " + std::to_string(bytes.size()));
  ContextEnsemble e;
  e.threshold = get_f32(p + 4);
  e.confident_threshold = get_f32(p + 8);
  if (!std::isfinite(e.threshold) || !std::isfinite(e.confident_threshold))
    return corruption("context reader ensemble: expected finite thresholds, found a non-finite one");
  for (uint32_t i = 0; i < count; ++i) {
    Result<ContextModel> m = decode_context_model(bytes.substr(kHeader + i * kEncodedSize, kEncodedSize));
    if (!m.is_ok()) return m.status().with_context("member " + std::to_string(i));
    e.members.push_back(std::move(m).value());
  }
  return e;
}

ContextEnsemble decode_shipped_ensemble(const char* const* const* pieces) {
  ContextEnsemble never;
  never.members.push_back(never_firing_model());
  std::string bytes;
  for (size_t p = 0; pieces[p] != nullptr; ++p) {
    std::string text;
    for (size_t i = 0; pieces[p][i] != nullptr; ++i) text += pieces[p][i];
    Result<std::string> piece = base64_decode(text);
    if (!piece.is_ok()) return never;
    bytes += piece.value();
  }
  Result<ContextEnsemble> ensemble = decode_context_ensemble(bytes);
  return ensemble.is_ok() ? std::move(ensemble).value() : never;
}

const ContextEnsemble& shipped_context_reader() {
  static const ContextEnsemble kEnsemble = decode_shipped_ensemble(kContextModelPieces);
  return kEnsemble;
}

namespace {

// The reading of members together: for each window, the mean of the members' probabilities; the most
// worrying window counts.
ContextResult score_members(const std::vector<text::Token>& tokens, const ContextModel* const* members,
                            size_t member_count, float threshold, float confident_threshold, float needed) {
  ContextResult result;
  const size_t words = static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), counts_as_word));
  if (words < kContextMinWords || member_count == 0) return result;
  // Windows of kContextMaxTokens tokens overlapping by half are pairs of consecutive half-windows, and the
  // largest value of a filter over a window is the larger of its halves': each half is read once, one at a
  // time (memory stays that of a half however long the message), and every window's reading follows.
  constexpr size_t kHalf = kContextMaxTokens / 2;
  const size_t n = tokens.size();
  const size_t halves = (n + kHalf - 1) / kHalf;
  const size_t windows = halves <= 2 ? 1 : halves - 1;  // a text of one window's length or less is one window
  std::vector<float> sum(windows, 0.0f);  // of the members' probabilities so far, per window
  std::vector<std::array<float, kContextFilters>> pooled(halves);
  TokenVectorCache cache(members, member_count);
  for (size_t m = 0; m < member_count; ++m) {
    const ContextModel& model = *members[m];
    for (size_t h = 0; h < halves; ++h) {
      const Stretch stretch = stretch_of(tokens, h * kHalf, std::min(n, (h + 1) * kHalf), cache);
      const std::vector<float> z = responses_of(stretch, cache, m, model);
      std::array<float, kContextFilters>& p = pooled[h];
      p.fill(0.0f);  // the ReLU: a filter below zero everywhere contributes nothing
      for (size_t row = (stretch.begin - stretch.from) * kContextFilters;
           row < (stretch.end - stretch.from) * kContextFilters; row += kContextFilters)
        for (size_t k = 0; k < kContextFilters; ++k) p[k] = std::max(p[k], z[row + k]);
    }
    float most = 0.0f;
    for (size_t w = 0; w < windows; ++w) {
      const auto& a = pooled[w];
      const auto& b = pooled[std::min(halves - 1, w + 1)];
      float logit = model.output_bias;
      for (size_t k = 0; k < kContextFilters; ++k) logit += model.output[k] * std::max(a[k], b[k]);
      sum[w] += sigmoid(logit);
      most = std::max(most, sum[w]);
    }
    // Stop when even members still unread all reading 1 could not bring the mean to what is needed.
    const float bound = (most + static_cast<float>(member_count - m - 1)) / static_cast<float>(member_count);
    if (m + 1 < member_count && bound < needed) {
      result.probability = bound;
      result.partial = true;
      return result;
    }
  }
  float best = -1.0f;
  size_t best_begin = 0, best_end = 0;
  for (size_t w = 0; w < windows; ++w) {
    const float probability = sum[w] / static_cast<float>(member_count);
    if (probability > best) {
      best = probability;
      best_begin = w * kHalf;
      best_end = std::min(n, (std::min(halves - 1, w + 1) + 1) * kHalf);
    }
  }
  result.probability = best;
  result.fires = threshold < 1.0f && result.probability >= threshold;
  result.confident = confident_threshold < 1.0f && result.probability >= confident_threshold;
  if (!result.fires && !result.confident) return result;
  // Evidence: the word of the window that gave the most of the members' logits through the filters that
  // peaked there, with its neighbouring words (the filters read three tokens). None when no word gave any.
  const Stretch stretch = stretch_of(tokens, best_begin, best_end, cache);
  std::vector<float> credit(best_end - best_begin, 0.0f);
  const size_t offset = stretch.begin - stretch.from;
  for (size_t m = 0; m < member_count; ++m) {
    const Reading reading =
        read(responses_of(stretch, cache, m, *members[m]), offset, offset + (best_end - best_begin), *members[m]);
    for (size_t k = 0; k < kContextFilters; ++k)
      credit[reading.where[k] - offset] += members[m]->output[k] * reading.activation[k];
  }
  size_t centre = 0;
  float most = 0.0f;
  for (size_t i = 0; i < credit.size(); ++i)
    if (credit[i] > most && !tokens[best_begin + i].is_boundary()) {
      most = credit[i];
      centre = best_begin + i;
    }
  if (most <= 0.0f) return result;
  size_t first = centre, last = centre;
  if (first > best_begin && !tokens[first - 1].is_boundary()) --first;
  if (last + 1 < best_end && !tokens[last + 1].is_boundary()) ++last;
  result.evidence.push_back({first, last});
  return result;
}

}  // namespace

ContextResult score_context(const std::vector<text::Token>& tokens, const ContextModel& model) {
  const ContextModel* const one[] = {&model};
  return score_members(tokens, one, 1, model.threshold, model.confident_threshold, 0.0f);
}

ContextResult score_context(const std::vector<text::Token>& tokens, const ContextEnsemble& ensemble, float needed) {
  std::vector<const ContextModel*> members;
  for (const ContextModel& m : ensemble.members) members.push_back(&m);
  return score_members(tokens, members.data(), members.size(), ensemble.threshold, ensemble.confident_threshold,
                       needed);
}

ContextResult score_context(const std::vector<text::Token>& tokens, float needed) {
  return score_context(tokens, shipped_context_reader(), needed);
}

ContextResult score_context_at(const std::vector<text::Token>& tokens, const ContextEnsemble& ensemble,
                               float threshold) {
  std::vector<const ContextModel*> members;
  for (const ContextModel& m : ensemble.members) members.push_back(&m);
  return score_members(tokens, members.data(), members.size(), threshold,
                       std::max(threshold, ensemble.confident_threshold), threshold);
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = uint32_t{static_cast<unsigned char>(bytes[i])} << 16 |
                       uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8 | static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  const size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

Result<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0)
    return corruption("base64: expected a length that is a multiple of 4, found " + std::to_string(text.size()));
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    const size_t pad = last ? (text[i + 3] == '=' ? (text[i + 2] == '=' ? 2 : 1) : 0) : 0;
    uint32_t v = 0;
    for (size_t j = 0; j < 4; ++j) {
      const char c = text[i + j];
      int d = 0;
      if (j >= 4 - pad) {
        if (c != '=') return corruption("base64: expected '=' padding at offset " + std::to_string(i + j));
      } else {
        d = value(c);
        if (d < 0)
          return corruption("base64: expected a base64 character at offset " + std::to_string(i + j) + ", found byte " +
                            std::to_string(static_cast<unsigned char>(c)));
      }
      v = v << 6 | static_cast<uint32_t>(d);
    }
    out.push_back(static_cast<char>((v >> 16) & 0xff));
    if (pad < 2) out.push_back(static_cast<char>((v >> 8) & 0xff));
    if (pad < 1) out.push_back(static_cast<char>(v & 0xff));
  }
  return out;
}

}  // namespace haven::safety::risk
