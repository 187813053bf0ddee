// One risk assessment of a journal-like text of about 30, 500 and 3,000 words. The text is our own, with a
// few risk phrases, negations and idioms spread through it so every stage of the detector does work.
#include <benchmark/benchmark.h>

#include <string>

#include "safety/risk/assessor.h"

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

}  // namespace

BENCHMARK_MAIN();
