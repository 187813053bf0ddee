// One risk assessment of a journal-like text of about 30, 500 and 3,000 words. The text is our own, with a
// few risk phrases, negations and idioms spread through it so every stage of the detector does work.
#include <benchmark/benchmark.h>

#include <string>

#include "safety/risk/assessor.h"
#include "safety/risk/context_reader.h"
#include "safety/risk/means_question_reader.h"
#include "safety/text/normalize.h"

namespace {

const char* const kSentences[] = {
    "Today was long and I felt tired after work.",
    "My sister called and we talked about the holidays.",
    "This traffic is killing me, I was late again.",
    "I'm not suicidal, just worn out and a bit lonely.",
    "Sometimes I wish I could sleep and not wake up.",
    "I went for a walk by the river and it helped a little.",
    "I keep thinking everyone would be better off without me.",
    "My therapist says writing things down is a good habit.",
    "I'm dying to see the new film on Friday.",
    "What are the tallest bridges in the city, I wondered on the bus.",
};

std::string text_of_words(size_t words) {
  std::string out;
  size_t count = 0, i = 0;
  while (count < words) {
    const std::string s = kSentences[i++ % (sizeof(kSentences) / sizeof(kSentences[0]))];
    out += s;
    out += ' ';
    for (char c : s) count += (c == ' ');
    ++count;
  }
  return out;
}

void BM_AssessText(benchmark::State& state) {
  const std::string text = text_of_words(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto a = haven::safety::assess_text(text);
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_AssessText)->Arg(30)->Arg(500)->Arg(3000)->Unit(benchmark::kMicrosecond);

void BM_AssessConversation(benchmark::State& state) {
  std::vector<haven::safety::ChatMessage> chat;
  for (int i = 0; i < state.range(0); ++i) {
    chat.push_back({"user", text_of_words(40)});
    chat.push_back({"assistant", text_of_words(60)});
  }
  for (auto _ : state) {
    auto a = haven::safety::assess_conversation(chat);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_AssessConversation)->Arg(10)->Arg(50)->Unit(benchmark::kMicrosecond);

// The context reader alone (its share of an assessment), with the kernel the processor allows.
void BM_ContextReader(benchmark::State& state) {
  const auto tokens = haven::safety::text::tokenize(text_of_words(static_cast<size_t>(state.range(0))));
  for (auto _ : state) {
    auto r = haven::safety::risk::score_context(tokens);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ContextReader)->Arg(30)->Arg(500)->Arg(3000)->Unit(benchmark::kMicrosecond);

// The context reader as the assessor asks for it when the lexicon does not agree: only a confident
// reading matters, so the ensemble stops once its remaining members could not reach one.
void BM_ContextReaderConfidentOnly(benchmark::State& state) {
  namespace risk = haven::safety::risk;
  const auto tokens = haven::safety::text::tokenize(text_of_words(static_cast<size_t>(state.range(0))));
  const float needed = risk::shipped_context_reader().confident_threshold;
  for (auto _ : state) {
    auto r = risk::score_context(tokens, needed);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ContextReaderConfidentOnly)->Arg(30)->Arg(500)->Arg(3000)->Unit(benchmark::kMicrosecond);

// The means question reader on one message (it reads only the sentences that ask).
void BM_MeansQuestionReader(benchmark::State& state) {
  const auto tokens = haven::safety::text::tokenize(
      "Been a long week and I miss home. Does the last ferry of the night have anyone checking the back deck?");
  for (auto _ : state) {
    auto r = haven::safety::risk::read_means_question(tokens);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_MeansQuestionReader)->Unit(benchmark::kMicrosecond);

// Its filters on 512 tokens with each kernel (the four-wide one runs where eight-wide registers are missing).
void BM_ContextFilters(benchmark::State& state) {
  namespace risk = haven::safety::risk;
  const auto kernel = state.range(0) == 8 ? risk::ContextKernel::kEightWide : risk::ContextKernel::kFourWide;
  if (kernel == risk::ContextKernel::kEightWide && !risk::context_eight_wide_available()) {
    state.SkipWithError("no eight-wide registers here");
    return;
  }
  std::vector<float> x(512 * risk::kContextDim);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i % 7) * 0.1f;
  for (auto _ : state) {
    auto z = risk::context_filter_responses(x, 512, risk::shipped_context_reader().members.front(), kernel);
    benchmark::DoNotOptimize(z);
  }
}
BENCHMARK(BM_ContextFilters)->Arg(4)->Arg(8)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
