// Helpers shared by the tokenizer tests: reading the shared test vectors and loading vocabularies.
#pragma once

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/gguf/gguf_reader.h"
#include "engine/tokenizer/tokenizer.h"
#include "engine/tokenizer/vocab_loader.h"
#include "support/process.h"

namespace haven::engine::test_util {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string tokenizer_dir() { return haven::test::testdata_dir() + "/tokenizer"; }
inline std::string models_dir() { return haven::test::testdata_dir() + "/models"; }

// The test strings of a llama.cpp .inp file: each string is followed by "\n__ggml_vocab_test__\n".
inline std::vector<std::string> split_inp(const std::string& text) {
  static const std::string kSep = "\n__ggml_vocab_test__\n";
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t hit = text.find(kSep, pos);
    if (hit == std::string::npos) break;
    out.push_back(text.substr(pos, hit - pos));
    pos = hit + kSep.size();
  }
  return out;
}

// The id lines of a .out file (one per test string; an empty line is an empty list).
inline std::vector<std::vector<TokenId>> parse_out(const std::string& text) {
  std::vector<std::vector<TokenId>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::istringstream line(text.substr(pos, end - pos));
    std::vector<TokenId> ids;
    long long id;
    while (line >> id) ids.push_back(static_cast<TokenId>(id));
    out.push_back(std::move(ids));
    pos = end + 1;
  }
  return out;
}

// Loads (once per process) the tokenizer of a GGUF file; nullptr with the error in *error on failure.
inline const Tokenizer* load_tokenizer(const std::string& path, std::string* error) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(path);
  if (it != cache.end()) return it->second.get();
  auto file = GgufFile::open(path);
  if (!file.is_ok()) {
    *error = file.status().message();
    return nullptr;
  }
  auto vocab = load_vocab(**file);
  if (!vocab.is_ok()) {
    *error = vocab.status().message();
    return nullptr;
  }
  auto tok = Tokenizer::create(std::move(vocab).value());
  if (!tok.is_ok()) {
    *error = tok.status().message();
    return nullptr;
  }
  return (cache[path] = std::move(tok).value()).get();
}

inline std::string ids_string(const std::vector<TokenId>& ids) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += ' ';
    s += std::to_string(ids[i]);
  }
  return s;
}

}  // namespace haven::engine::test_util
