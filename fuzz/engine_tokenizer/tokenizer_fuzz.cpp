// Fuzzes Tokenizer::encode/decode with arbitrary bytes on the real shared vocabularies.
//
// Input: the first byte picks the vocabulary (bits 0-1) and the options (bit 2 parse_special, bit 3
// add_special); the rest is the text. Checked: invalid UTF-8 is refused with kInvalidArgument and valid
// text always encodes; every id is inside the vocabulary; without special-token parsing, decoding gives
// the text back (SentencePiece cannot keep a literal U+2581, so texts holding one are not compared).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "engine/gguf/gguf_reader.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"

namespace {

using haven::engine::Tokenizer;

const char* const kVocabs[4] = {"qwen2", "llama-spm", "gpt-2", "llama-bpe"};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "tokenizer fuzz: %s\n", what);
  std::abort();
}

const Tokenizer& tokenizer(size_t index) {
  static std::unique_ptr<Tokenizer> cache[4];
  if (!cache[index]) {
    const std::string path = std::string(HAVEN_TOKENIZER_VOCAB_DIR) + "/ggml-vocab-" + kVocabs[index] + ".gguf";
    auto file = haven::engine::GgufFile::open(path);
    if (!file.is_ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), file.status().message().c_str());
      std::abort();
    }
    auto vocab = haven::engine::load_vocab(**file);
    if (!vocab.is_ok()) fail(vocab.status().message().c_str());
    auto tok = Tokenizer::create(std::move(vocab).value());
    if (!tok.is_ok()) fail(tok.status().message().c_str());
    cache[index] = std::move(tok).value();
  }
  return *cache[index];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const Tokenizer& tok = tokenizer(control & 3);
  const bool parse_special = (control & 4) != 0;
  const bool add_special = (control & 8) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  auto ids = tok.encode(text, {.add_special = add_special, .parse_special = parse_special});
  if (!haven::utf8::is_valid(text)) {
    if (ids.is_ok() || ids.status().code() != haven::StatusCode::kInvalidArgument) fail("invalid UTF-8 accepted");
    return 0;
  }
  if (!ids.is_ok()) fail(ids.status().message().c_str());
  for (haven::engine::TokenId id : *ids) {
    if (id < 0 || static_cast<size_t>(id) >= tok.n_tokens()) fail("id outside the vocabulary");
  }

  auto shown = tok.decode(*ids, {.remove_special = true, .unparse_special = true});
  if (!shown.is_ok()) fail(shown.status().message().c_str());
  if (parse_special || add_special) return 0;
  const bool spm = tok.vocab().model == haven::engine::VocabModel::kSpm;
  if (spm && text.find("\xe2\x96\x81") != std::string_view::npos) return 0;
  auto back = tok.decode(*ids);
  if (!back.is_ok()) fail(back.status().message().c_str());
  if (*back != text) fail("decode(encode(text)) differs from text");
  return 0;
}
