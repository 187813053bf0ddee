// Tokenizer throughput: encode and decode of a mixed text (English prose plus llama.cpp's tokenizer
// test strings: other scripts, emoji, digits, whitespace runs) with each shared vocabulary.
//
//   bench_engine_tokenizer --benchmark_filter=Encode
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "engine/gguf/gguf_reader.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"

namespace {

using haven::engine::Tokenizer;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string vocab_path(const std::string& name) {
  return std::string(HAVEN_TOKENIZER_VOCAB_DIR) + "/ggml-vocab-" + name + ".gguf";
}

const Tokenizer& tokenizer(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  auto& slot = cache[name];
  if (!slot) {
    auto file = haven::engine::GgufFile::open(vocab_path(name));
    if (!file.is_ok()) {
      std::fprintf(stderr, "%s: %s\n", vocab_path(name).c_str(), file.status().message().c_str());
      std::exit(1);
    }
    auto vocab = haven::engine::load_vocab(**file);
    if (!vocab.is_ok()) std::exit(1);
    auto tok = Tokenizer::create(std::move(vocab).value());
    if (!tok.is_ok()) std::exit(1);
    slot = std::move(tok).value();
  }
  return *slot;
}

// About 64 KiB: prose, then the .inp strings (which already hold every kind of input the tests cover).
const std::string& sample_text() {
  static const std::string text = [] {
    const std::string prose =
        "Today I noticed that I kept putting off the call to my sister. When I finally did it, the worry "
        "I had carried all week turned out to be much smaller than it felt at three in the morning. I want "
        "to remember that: the story my mind tells at night is not the whole story. Tomorrow I'll take a "
        "walk before work, 20 minutes, no phone.\n\n";
    const std::string mixed = read_file(vocab_path("gpt-2") + ".inp");
    std::string out;
    while (out.size() < 64 * 1024) out += prose + mixed;
    return out;
  }();
  return text;
}

void BM_Encode(benchmark::State& state, const std::string& name) {
  const Tokenizer& tok = tokenizer(name);
  const std::string& text = sample_text();
  size_t tokens = 0;
  for (auto _ : state) {
    auto ids = tok.encode(text, {.add_special = false});
    if (!ids.is_ok()) state.SkipWithError(ids.status().message().c_str());
    tokens = ids.is_ok() ? ids->size() : 0;
    benchmark::DoNotOptimize(ids);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Decode(benchmark::State& state, const std::string& name) {
  const Tokenizer& tok = tokenizer(name);
  auto ids = tok.encode(sample_text(), {.add_special = false});
  if (!ids.is_ok()) {
    state.SkipWithError(ids.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    auto text = tok.decode(*ids);
    benchmark::DoNotOptimize(text);
  }
  state.counters["tokens_per_s"] =
      benchmark::Counter(static_cast<double>(ids->size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Load(benchmark::State& state, const std::string& name) {
  for (auto _ : state) {
    auto file = haven::engine::GgufFile::open(vocab_path(name));
    auto vocab = haven::engine::load_vocab(**file);
    auto tok = Tokenizer::create(std::move(vocab).value());
    benchmark::DoNotOptimize(tok);
  }
}

BENCHMARK_CAPTURE(BM_Encode, gpt2, std::string("gpt-2"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, llama_bpe, std::string("llama-bpe"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, qwen2, std::string("qwen2"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, llama_spm, std::string("llama-spm"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Encode, phi3, std::string("phi-3"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, llama_bpe, std::string("llama-bpe"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Decode, llama_spm, std::string("llama-spm"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Load, llama_bpe, std::string("llama-bpe"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Load, llama_spm, std::string("llama-spm"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
