#include "engine/tokenizer/spm_encoder.h"

#include <algorithm>
#include <queue>
#include <string>

namespace haven::engine {
namespace {

struct Symbol {
  uint32_t start = 0;
  uint32_t length = 0;
  int32_t prev = -1;
  int32_t next = -1;
};

struct Bigram {
  float score;
  int32_t left;
  int32_t right;
  uint32_t size;  // bytes of the pair when queued; differs once either side has merged further
};

// Highest score first, then leftmost (llama.cpp's llm_bigram_spm::comparator).
struct BigramAfter {
  bool operator()(const Bigram& a, const Bigram& b) const {
    return a.score < b.score || (a.score == b.score && a.left > b.left);
  }
};

// Bytes of the UTF-8 sequence a lead byte announces (llama.cpp's unicode_len_utf8); 1 for a stray
// continuation byte, so malformed input still advances.
size_t utf8_length_from_lead(uint8_t b) {
  static constexpr uint8_t kLengths[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
  return kLengths[b >> 4];
}

}  // namespace

std::unique_ptr<SpmEncoder> SpmEncoder::create(const Vocab& vocab, const TokenMap& tokens,
                                               const std::vector<float>& scores, const std::vector<uint32_t>& attrs) {
  std::unique_ptr<SpmEncoder> self(new SpmEncoder());
  self->tokens_ = &tokens;
  self->scores_ = &scores;
  self->attrs_ = &attrs;
  self->unk_ = vocab.unk;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int b = 0; b < 256; ++b) {
    const char name[6] = {'<', '0', 'x', kHex[b >> 4], kHex[b & 15], '>'};
    TokenId id = find_token_id(tokens, std::string_view(name, 6));
    if (id == kNoToken) {
      // llama.cpp's byte_to_token falls back to the byte itself as a one-character token.
      const char raw = static_cast<char>(b);
      id = find_token_id(tokens, std::string_view(&raw, 1));
    }
    self->byte_tokens_[b] = id;
  }
  return self;
}

Status SpmEncoder::encode(std::string_view text, std::vector<TokenId>& out) const {
  std::vector<Symbol> symbols;
  symbols.reserve(text.size());
  for (size_t offset = 0; offset < text.size();) {
    const size_t length = std::min(utf8_length_from_lead(static_cast<uint8_t>(text[offset])), text.size() - offset);
    Symbol s;
    s.start = static_cast<uint32_t>(offset);
    s.length = static_cast<uint32_t>(length);
    s.prev = static_cast<int32_t>(symbols.size()) - 1;
    offset += length;
    s.next = offset == text.size() ? -1 : static_cast<int32_t>(symbols.size()) + 1;
    symbols.push_back(s);
  }

  std::priority_queue<Bigram, std::vector<Bigram>, BigramAfter> queue;
  auto try_add_bigram = [&](int32_t left, int32_t right) {
    if (left < 0 || right < 0) return;
    const Symbol& l = symbols[static_cast<size_t>(left)];
    const Symbol& r = symbols[static_cast<size_t>(right)];
    const TokenId id = find_token_id(*tokens_, text.substr(l.start, l.length + r.length));
    if (id == kNoToken) return;
    if (((*attrs_)[static_cast<size_t>(id)] & (token_attr::kControl | token_attr::kUnknown)) != 0) return;
    queue.push({(*scores_)[static_cast<size_t>(id)], left, right, l.length + r.length});
  };
  for (size_t i = 1; i < symbols.size(); ++i) try_add_bigram(static_cast<int32_t>(i - 1), static_cast<int32_t>(i));

  while (!queue.empty()) {
    const Bigram bigram = queue.top();
    queue.pop();
    Symbol& left = symbols[static_cast<size_t>(bigram.left)];
    Symbol& right = symbols[static_cast<size_t>(bigram.right)];
    if (left.length == 0 || right.length == 0 || left.length + right.length != bigram.size) continue;
    left.length += right.length;
    right.length = 0;
    left.next = right.next;
    if (right.next >= 0) symbols[static_cast<size_t>(right.next)].prev = bigram.left;
    try_add_bigram(left.prev, bigram.left);
    try_add_bigram(bigram.left, left.next);
  }

  const size_t first_new = out.size();
  for (int32_t i = symbols.empty() ? -1 : 0; i != -1; i = symbols[static_cast<size_t>(i)].next) {
    const Symbol& s = symbols[static_cast<size_t>(i)];
    const std::string_view piece = text.substr(s.start, s.length);
    const TokenId id = find_token_id(*tokens_, piece);
    if (id != kNoToken && ((*attrs_)[static_cast<size_t>(id)] & (token_attr::kControl | token_attr::kUnknown)) == 0) {
      out.push_back(id);
      continue;
    }
    for (char c : piece) {
      TokenId byte_id = byte_tokens_[static_cast<uint8_t>(c)];
      if (byte_id == kNoToken) byte_id = unk_;
      if (byte_id == kNoToken) {
        out.resize(first_new);
        return failed_precondition(
            "SentencePiece encoding: expected a byte token <0x" + std::string(1, "0123456789ABCDEF"[static_cast<uint8_t>(c) >> 4]) +
            std::string(1, "0123456789ABCDEF"[static_cast<uint8_t>(c) & 15]) +
            "> or an unknown token in the vocabulary, found neither");
      }
      out.push_back(byte_id);
    }
  }
  return Status::ok();
}

}  // namespace haven::engine
