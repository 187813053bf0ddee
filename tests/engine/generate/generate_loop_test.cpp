#include "engine/generate/generate_loop.h"

#include <gtest/gtest.h>

#include <atomic>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace haven::engine {
namespace {

// A scripted stand-in for a model: after token t, the logits strongly favour next[t]. Pieces include an
// emoji spread over four tokens and a stop string spread over two.
class FakeModel {
 public:
  static constexpr int32_t kVocab = 10;
  static constexpr int32_t kEos = 0;
  explicit FakeModel(std::map<int32_t, int32_t> next, int32_t first) : next_(std::move(next)) { set(first); }

  GenerationHooks hooks() {
    GenerationHooks h;
    h.decode = [this](int32_t token) -> Result<std::span<const float>> {
      ++decodes;
      if (fail_at_decode >= 0 && decodes > fail_at_decode) return io_error("fake model: decode failed");
      set(next_.count(token) ? next_.at(token) : kEos);
      return std::span<const float>(logits_);
    };
    h.token_piece = [](int32_t token) {
      static const std::vector<std::string> pieces = {"<eos>", "Hi", " there", "\xF0", "\x9F",
                                                      "\x98",  "\x8A", "<|im", "_end|>", "!"};
      return pieces.at(static_cast<size_t>(token));
    };
    h.is_end_of_generation = [](int32_t token) { return token == kEos; };
    return h;
  }
  std::span<const float> first_logits() const { return logits_; }

  int decodes = 0;
  int fail_at_decode = -1;

 private:
  void set(int32_t favoured) {
    logits_.assign(kVocab, 0.0f);
    logits_[static_cast<size_t>(favoured)] = 8.0f;
  }
  std::map<int32_t, int32_t> next_;
  std::vector<float> logits_;
};

const std::map<int32_t, int32_t> kEmojiThenEos = {{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 9}, {9, 0}, {0, 1}};
const std::map<int32_t, int32_t> kStopString = {{1, 2}, {2, 7}, {7, 8}, {8, 9}};

Sampler greedy() {
  SamplerParams p;
  p.temperature = 0.0f;
  return std::move(Sampler::create(p)).value();
}

struct Text {
  std::string all;
  std::vector<std::string> chunks;
  TextStream::Sink sink() {
    return [this](std::string_view t) {
      EXPECT_TRUE(utf8::is_valid(t));
      chunks.emplace_back(t);
      all += t;
      return true;
    };
  }
};

TEST(GenerateLoop, GreedyRunsToTheEndOfGenerationToken) {
  FakeModel model(kEmojiThenEos, 1);
  Sampler s = greedy();
  Text text;
  TextStream stream({"<|im_end|>"}, text.sink());
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 50});
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->tokens, (std::vector<int32_t>{1, 2, 3, 4, 5, 6, 9, 0}));
  EXPECT_EQ(r->reason, StopReason::kEndOfGeneration);
  EXPECT_EQ(text.all, "Hi there\xF0\x9F\x98\x8A!");  // the EOS text is not shown
  EXPECT_EQ(model.decodes, 7);                        // nothing decoded after the EOS token
  EXPECT_EQ(stream.state(), TextStream::State::kFinished);
  for (const std::string& c : text.chunks) EXPECT_NE(c, "\xF0");
}

TEST(GenerateLoop, StopStringAcrossTokens) {
  FakeModel model(kStopString, 1);
  Sampler s = greedy();
  Text text;
  TextStream stream({"<|im_end|>"}, text.sink());
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 50});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->reason, StopReason::kStopString);
  EXPECT_EQ(r->tokens, (std::vector<int32_t>{1, 2, 7, 8}));
  EXPECT_EQ(text.all, "Hi there");
  EXPECT_EQ(model.decodes, 3);
}

TEST(GenerateLoop, MaxTokensEndsWithoutAnExtraDecode) {
  FakeModel model(kEmojiThenEos, 1);
  Sampler s = greedy();
  Text text;
  TextStream stream({}, text.sink());
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 4});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->reason, StopReason::kMaxTokens);
  EXPECT_EQ(r->tokens, (std::vector<int32_t>{1, 2, 3, 4}));
  EXPECT_EQ(model.decodes, 3);
  // The emoji was cut after two of its bytes: the reader gets replacement characters, not broken UTF-8.
  EXPECT_EQ(text.all, "Hi there\xEF\xBF\xBD\xEF\xBF\xBD");
  // Zero tokens: nothing sampled, nothing decoded.
  FakeModel idle(kEmojiThenEos, 1);
  Text none;
  TextStream quiet({}, none.sink());
  auto z = generate(idle.first_logits(), s, quiet, idle.hooks(), {.max_tokens = 0});
  ASSERT_TRUE(z.is_ok());
  EXPECT_TRUE(z->tokens.empty());
  EXPECT_EQ(idle.decodes, 0);
}

TEST(GenerateLoop, CanKeepGoingPastEndOfGeneration) {
  FakeModel model(kEmojiThenEos, 1);
  Sampler s = greedy();
  Text text;
  TextStream stream({}, text.sink());
  auto r = generate(model.first_logits(), s, stream, model.hooks(),
                    {.max_tokens = 10, .stop_at_end_of_generation = false});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->tokens, (std::vector<int32_t>{1, 2, 3, 4, 5, 6, 9, 0, 1, 2}));
  EXPECT_EQ(r->reason, StopReason::kMaxTokens);
  EXPECT_EQ(text.all, "Hi there\xF0\x9F\x98\x8A!Hi there");
}

TEST(GenerateLoop, CancelFlagStopsBeforeTheNextModelStep) {
  FakeModel model(kEmojiThenEos, 1);
  Sampler s = greedy();
  std::atomic<bool> cancel{false};
  std::string shown;
  // The reader asks to stop as soon as it has seen " there" (as a Ctrl-C handler would, from any thread).
  TextStream stream(
      {},
      [&](std::string_view t) {
        shown += t;
        if (shown.find("there") != std::string::npos) cancel.store(true);
        return true;
      },
      &cancel);
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 50});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->reason, StopReason::kCancelled);
  EXPECT_EQ(shown, "Hi there");
  EXPECT_EQ(r->tokens, (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(model.decodes, 1);  // the step after " there" was never run
}

TEST(GenerateLoop, SinkReturningFalseCancels) {
  FakeModel model(kEmojiThenEos, 1);
  Sampler s = greedy();
  int calls = 0;
  TextStream stream({}, [&](std::string_view) { return ++calls < 1; });
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 50});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->reason, StopReason::kCancelled);
  EXPECT_EQ(r->tokens.size(), 1u);
  EXPECT_EQ(model.decodes, 0);
}

TEST(GenerateLoop, FixedSeedGivesAFixedSequence) {
  // A flat distribution over ten tokens (no EOS in reach): the tokens come from the seeded sampler alone.
  auto run = [](uint64_t seed) {
    std::vector<float> flat(10, 0.0f);
    flat[0] = -std::numeric_limits<float>::infinity();  // never end
    SamplerParams p;
    p.temperature = 1.0f;
    p.top_k = 0;
    p.top_p = 1.0f;
    p.min_p = 0.0f;
    p.seed = seed;
    Sampler s = std::move(Sampler::create(p)).value();
    GenerationHooks h;
    h.decode = [&](int32_t) -> Result<std::span<const float>> { return std::span<const float>(flat); };
    h.token_piece = [](int32_t t) { return std::string(1, static_cast<char>('0' + t)); };
    TextStream stream({}, [](std::string_view) { return true; });
    auto r = generate(flat, s, stream, h, {.max_tokens = 64});
    EXPECT_TRUE(r.is_ok());
    EXPECT_EQ(stream.emitted().size(), 64u);
    return r->tokens;
  };
  std::vector<int32_t> a = run(77);
  EXPECT_EQ(a, run(77));
  EXPECT_NE(a, run(78));
  // Same as drawing straight from a sampler with that seed: the loop adds no randomness of its own.
  SamplerParams p;
  p.temperature = 1.0f;
  p.top_k = 0;
  p.top_p = 1.0f;
  p.min_p = 0.0f;
  p.seed = 77;
  Sampler direct = std::move(Sampler::create(p)).value();
  std::vector<float> flat(10, 0.0f);
  flat[0] = -std::numeric_limits<float>::infinity();
  for (int32_t t : a) EXPECT_EQ(*direct.sample(flat), t);
}

TEST(GenerateLoop, DecodeErrorsCarryTheStep) {
  FakeModel model(kEmojiThenEos, 1);
  model.fail_at_decode = 2;
  Sampler s = greedy();
  TextStream stream({}, [](std::string_view) { return true; });
  auto r = generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = 50});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_NE(r.status().message().find("generate: step 2"), std::string::npos) << r.status().message();
  GenerationHooks missing;
  EXPECT_EQ(generate(model.first_logits(), s, stream, missing).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(generate(model.first_logits(), s, stream, model.hooks(), {.max_tokens = -1}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace haven::engine
