#include "engine/tokenizer/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/utf8.h"
#include "engine/tokenizer/bpe_encoder.h"
#include "engine/tokenizer/byte_unicode.h"
#include "engine/tokenizer/special_split.h"
#include "engine/tokenizer/spm_encoder.h"
#include "engine/tokenizer/token_map.h"

namespace haven::engine {
namespace {

constexpr std::string_view kSpaceMarker = "\xe2\x96\x81";  // U+2581, SentencePiece's visible space
constexpr size_t kMaxTextBytes = size_t{1} << 30;

// Texts llama.cpp takes for the end-of-turn token when the file names none, in the order Haven prefers
// (llama.cpp takes whichever its hash map yields first).
constexpr std::string_view kEotTexts[] = {
    "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
    "<EOT>", "_<EOT>", "<\xef\xbd\x9c" "end\xe2\x96\x81of\xe2\x96\x81sentence\xef\xbd\x9c>", "<end_of_utterance>",
};

// Texts llama.cpp treats as end of generation (llama-vocab.cpp, special_eog_ids).
constexpr std::string_view kEogTexts[] = {
    "<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>", "<|calls|>",
    "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]",
    "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>",
    "<\xef\xbd\x9c" "end\xe2\x96\x81of\xe2\x96\x81sentence\xef\xbd\x9c>", "[e~[",
};

uint32_t attr_from_type(TokenType type) {
  switch (type) {
    case TokenType::kNormal: return token_attr::kNormal;
    case TokenType::kUnknown: return token_attr::kUnknown;
    case TokenType::kControl: return token_attr::kControl;
    case TokenType::kUserDefined: return token_attr::kUserDefined;
    case TokenType::kUnused: return token_attr::kUnused;
    case TokenType::kByte: return token_attr::kByte;
    case TokenType::kUndefined: return token_attr::kUndefined;
  }
  return token_attr::kUndefined;  // values outside the format, as llama.cpp does
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The byte of a "<0xXX>" token, or -1.
int byte_token_value(std::string_view text) {
  if (text.size() != 6 || text.substr(0, 3) != "<0x" || text[5] != '>') return -1;
  const int hi = hex_value(text[3]);
  const int lo = hex_value(text[4]);
  if (hi < 0 || lo < 0) return -1;
  return hi * 16 + lo;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (true) {
    const size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

std::string id_error(const char* what, TokenId id, size_t n) {
  return std::string(what) + ": expected a token id from 0 to " + std::to_string(n - 1) + " or none, found " +
         std::to_string(id);
}

}  // namespace

struct Tokenizer::Impl {
  Vocab vocab;
  TokenMap map;
  std::vector<uint32_t> attrs;
  std::vector<float> scores;
  std::vector<std::string> pieces;  // llama.cpp's token_to_piece(special = true)
  std::vector<SpecialToken> specials;
  std::vector<TokenId> eog;
  std::unique_ptr<BpeEncoder> bpe;
  std::unique_ptr<SpmEncoder> spm;

  bool valid(TokenId id) const { return id >= 0 && static_cast<size_t>(id) < vocab.tokens.size(); }
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::create(Vocab vocab) {
  const size_t n = vocab.tokens.size();
  if (n == 0) return invalid_argument("vocabulary: expected at least one token, found none");
  if (n >= static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return invalid_argument("vocabulary: expected fewer than 2^31 tokens, found " + std::to_string(n));
  }
  if (!vocab.scores.empty() && vocab.scores.size() != n) {
    return invalid_argument("vocabulary scores: expected " + std::to_string(n) + " (one per token), found " +
                            std::to_string(vocab.scores.size()));
  }
  if (!vocab.types.empty() && vocab.types.size() != n) {
    return invalid_argument("vocabulary token types: expected " + std::to_string(n) + " (one per token), found " +
                            std::to_string(vocab.types.size()));
  }
  if (vocab.model == VocabModel::kSpm && vocab.pre != PreTokenizer::kNone) {
    return invalid_argument(std::string("vocabulary: expected no pre-tokenizer for SentencePiece, found ") +
                            pre_tokenizer_name(vocab.pre));
  }
  if (vocab.model == VocabModel::kBpe && vocab.pre == PreTokenizer::kNone) {
    return invalid_argument("vocabulary: expected a pre-tokenizer for byte-level BPE, found none");
  }
  const std::pair<const char*, TokenId> ids[] = {{"bos token", vocab.bos}, {"eos token", vocab.eos},
                                                 {"eot token", vocab.eot}, {"eom token", vocab.eom},
                                                 {"unknown token", vocab.unk}, {"padding token", vocab.pad}};
  for (const auto& [what, id] : ids) {
    if (id != kNoToken && (id < 0 || static_cast<size_t>(id) >= n)) return invalid_argument(id_error(what, id, n));
  }
  if (vocab.add_bos && vocab.bos == kNoToken) {
    return invalid_argument("vocabulary: expected a bos token id because add_bos is set, found none");
  }
  if (vocab.add_eos && vocab.eos == kNoToken) {
    return invalid_argument("vocabulary: expected an eos token id because add_eos is set, found none");
  }

  std::unique_ptr<Tokenizer> self(new Tokenizer());
  Impl& im = *self->impl_;
  im.vocab = std::move(vocab);
  Vocab& v = im.vocab;

  im.scores = v.scores.empty() ? std::vector<float>(n, 0.0f) : v.scores;
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(im.scores[i])) {
      return invalid_argument("vocabulary score of token " + std::to_string(i) + ": expected a number, found NaN");
    }
  }

  im.map.reserve(n);
  im.attrs.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string& text = v.tokens[i];
    // llama.cpp's stand-in for empty texts, so that every id keeps a unique, findable text.
    if (text.empty()) text = "[EMPTY_" + std::to_string(i) + "]";
    auto [it, inserted] = im.map.emplace(text, static_cast<TokenId>(i));
    if (!inserted) {
      return invalid_argument("vocabulary: expected unique token texts, found token " + std::to_string(i) +
                              " with the same text as token " + std::to_string(it->second));
    }
    im.attrs[i] = v.types.empty() ? token_attr::kNormal : attr_from_type(v.types[i]);
    if ((im.attrs[i] & token_attr::kByte) != 0 && byte_token_value(text) < 0) {
      return invalid_argument("vocabulary token " + std::to_string(i) +
                              ": expected a byte token written <0xXX>, found a text of " +
                              std::to_string(text.size()) + " bytes");
    }
  }

  // End-of-turn and end-of-message tokens by text when the file names none; llama.cpp marks every such
  // token as a control token so that plain text never produces it.
  auto promote = [&](TokenId id) { im.attrs[static_cast<size_t>(id)] |= token_attr::kControl; };
  if (v.eot == kNoToken) {
    for (std::string_view text : kEotTexts) {
      const TokenId id = find_token_id(im.map, text);
      if (id != kNoToken) {
        v.eot = id;
        promote(id);
        break;
      }
    }
  }
  if (v.eom == kNoToken) {
    v.eom = find_token_id(im.map, "<|eom_id|>");
    if (v.eom != kNoToken) promote(v.eom);
  }
  for (std::string_view text : kEogTexts) {
    const TokenId id = find_token_id(im.map, text);
    if (id == kNoToken) continue;
    promote(id);
    im.eog.push_back(id);
  }
  for (TokenId id : {v.eos, v.eot, v.eom}) {
    if (id != kNoToken) im.eog.push_back(id);
  }
  std::sort(im.eog.begin(), im.eog.end());
  im.eog.erase(std::unique(im.eog.begin(), im.eog.end()), im.eog.end());

  std::vector<TokenId> special_ids;
  for (size_t i = 0; i < n; ++i) {
    if ((im.attrs[i] & (token_attr::kControl | token_attr::kUserDefined | token_attr::kUnknown)) != 0) {
      special_ids.push_back(static_cast<TokenId>(i));
    }
  }
  // Longest first so that a token containing another wins; ties by id keep the order deterministic.
  std::stable_sort(special_ids.begin(), special_ids.end(), [&](TokenId a, TokenId b) {
    return v.tokens[static_cast<size_t>(a)].size() > v.tokens[static_cast<size_t>(b)].size();
  });

  // llama.cpp's per-model attributes: Phi-3's special tokens swallow the whitespace after them.
  if (v.model_name.find("phi-3") != std::string::npos || v.model_name.find("phi3") != std::string::npos) {
    for (TokenId id : special_ids) im.attrs[static_cast<size_t>(id)] |= token_attr::kRstrip;
    auto set_rstrip = [&](std::string_view text, bool on) {
      const TokenId id = find_token_id(im.map, text);
      if (id == kNoToken) return;
      if (on) {
        im.attrs[static_cast<size_t>(id)] |= token_attr::kRstrip;
      } else {
        im.attrs[static_cast<size_t>(id)] &= ~token_attr::kRstrip;
      }
    };
    set_rstrip("</s>", true);
    for (std::string_view text : {"<unk>", "<s>", "<|endoftext|>"}) set_rstrip(text, false);
  }
  for (TokenId id : special_ids) {
    im.specials.push_back({id, v.tokens[static_cast<size_t>(id)], im.attrs[static_cast<size_t>(id)]});
  }

  im.pieces.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t attr = im.attrs[i];
    const std::string& text = v.tokens[i];
    std::string& piece = im.pieces[i];
    if ((attr & (token_attr::kUnknown | token_attr::kControl | token_attr::kUserDefined)) != 0) {
      piece = text;
    } else if ((attr & token_attr::kNormal) != 0) {
      piece = v.model == VocabModel::kSpm ? replace_all(text, kSpaceMarker, " ") : byte_level_decode(text);
    } else if ((attr & token_attr::kByte) != 0) {
      piece.assign(1, static_cast<char>(byte_token_value(text)));
    }
    // Unused and undefined tokens stand for nothing, as in llama.cpp.
  }

  if (v.model == VocabModel::kBpe) {
    HAVEN_ASSIGN_OR_RETURN(im.bpe, BpeEncoder::create(v, im.map, im.attrs));
  } else {
    im.spm = SpmEncoder::create(v, im.map, im.scores, im.attrs);
  }
  return self;
}

Result<std::vector<TokenId>> Tokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  const Impl& im = *impl_;
  if (text.size() >= kMaxTextBytes) {
    return out_of_range("tokenizer input: expected less than 1 GiB of text, found " + std::to_string(text.size()) +
                        " bytes");
  }
  const size_t bad = utf8::first_invalid(text);
  if (bad != text.size()) {
    return invalid_argument("tokenizer input: expected valid UTF-8 text, found an invalid byte at offset " +
                            std::to_string(bad));
  }

  std::vector<Fragment> fragments;
  split_special_tokens(text, im.specials, options.parse_special, fragments);

  std::vector<TokenId> out;
  out.reserve(text.size() / 3 + 4);
  const Vocab& v = im.vocab;
  if (options.add_special && v.add_bos) out.push_back(v.bos);
  if (v.model == VocabModel::kSpm) {
    bool prev_special = true;  // the start of the input counts as "after a special token"
    std::string buffer;
    for (const Fragment& f : fragments) {
      if (f.token != kNoToken) {
        out.push_back(f.token);
        prev_special = true;
        continue;
      }
      buffer.clear();
      if (v.add_space_prefix && prev_special) buffer.push_back(' ');
      buffer.append(text.substr(f.offset, f.length));
      HAVEN_RETURN_IF_ERROR(im.spm->encode(replace_all(buffer, " ", kSpaceMarker), out));
      prev_special = false;
    }
  } else {
    for (const Fragment& f : fragments) {
      if (f.token != kNoToken) {
        out.push_back(f.token);
        continue;
      }
      HAVEN_RETURN_IF_ERROR(im.bpe->encode(text.substr(f.offset, f.length), out));
    }
  }
  if (options.add_special && v.add_eos) out.push_back(v.eos);
  return out;
}

Result<std::string_view> Tokenizer::token_to_piece(TokenId id, bool special) const {
  const Impl& im = *impl_;
  if (!im.valid(id)) return out_of_range(id_error("token", id, im.vocab.tokens.size()));
  const size_t i = static_cast<size_t>(id);
  if (!special && (im.attrs[i] & (token_attr::kUnknown | token_attr::kControl)) != 0) return std::string_view();
  return std::string_view(im.pieces[i]);
}

Result<std::string> Tokenizer::decode(std::span<const TokenId> ids, const DecodeOptions& options) const {
  const Impl& im = *impl_;
  const Vocab& v = im.vocab;
  bool remove_space = v.add_space_prefix;
  if (options.remove_special && v.add_bos && !ids.empty() && ids.front() == v.bos) {
    // As llama.cpp: once the BOS is dropped, the first piece keeps its space.
    remove_space = false;
    ids = ids.subspan(1);
  }
  if (options.remove_special && v.add_eos && !ids.empty() && ids.back() == v.eos) ids = ids.first(ids.size() - 1);
  std::string out;
  for (TokenId id : ids) {
    HAVEN_ASSIGN_OR_RETURN(std::string_view piece, token_to_piece(id, options.unparse_special));
    if (remove_space && !piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    remove_space = false;
    out.append(piece);
  }
  return out;
}

size_t Tokenizer::n_tokens() const { return impl_->vocab.tokens.size(); }
const Vocab& Tokenizer::vocab() const { return impl_->vocab; }
TokenId Tokenizer::bos() const { return impl_->vocab.bos; }
TokenId Tokenizer::eos() const { return impl_->vocab.eos; }
TokenId Tokenizer::eot() const { return impl_->vocab.eot; }
TokenId Tokenizer::eom() const { return impl_->vocab.eom; }
TokenId Tokenizer::unk() const { return impl_->vocab.unk; }
TokenId Tokenizer::pad() const { return impl_->vocab.pad; }
bool Tokenizer::add_bos() const { return impl_->vocab.add_bos; }
bool Tokenizer::add_eos() const { return impl_->vocab.add_eos; }

bool Tokenizer::is_eog(TokenId id) const {
  return std::binary_search(impl_->eog.begin(), impl_->eog.end(), id);
}
const std::vector<TokenId>& Tokenizer::eog_ids() const { return impl_->eog; }

uint32_t Tokenizer::attributes(TokenId id) const {
  return impl_->valid(id) ? impl_->attrs[static_cast<size_t>(id)] : 0;
}

TokenId Tokenizer::find_token(std::string_view text) const { return find_token_id(impl_->map, text); }

std::string_view Tokenizer::token_text(TokenId id) const {
  return impl_->valid(id) ? std::string_view(impl_->vocab.tokens[static_cast<size_t>(id)]) : std::string_view();
}

}  // namespace haven::engine
