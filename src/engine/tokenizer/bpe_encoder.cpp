#include "engine/tokenizer/bpe_encoder.h"

#include <queue>

#include "engine/tokenizer/byte_unicode.h"

namespace haven::engine {
namespace {

uint64_t pair_key(TokenId left, TokenId right) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

struct Bigram {
  int32_t rank;
  int32_t left;
  int32_t right;
  uint32_t left_length;   // lengths when queued: a later merge of either side makes the entry stale
  uint32_t right_length;
  TokenId merged;
};

// Lowest rank first, then leftmost (llama.cpp's llm_bigram_bpe::comparator).
struct BigramAfter {
  bool operator()(const Bigram& a, const Bigram& b) const {
    return a.rank > b.rank || (a.rank == b.rank && a.left > b.left);
  }
};

}  // namespace

std::string BpeEncoder::text_key(std::string_view left, std::string_view right) {
  std::string key = std::to_string(left.size());
  key.push_back(':');
  key.append(left);
  key.append(right);
  return key;
}

Result<std::unique_ptr<BpeEncoder>> BpeEncoder::create(const Vocab& vocab, const TokenMap& tokens,
                                                       const std::vector<uint32_t>& attrs) {
  std::unique_ptr<BpeEncoder> self(new BpeEncoder());
  self->tokens_ = &tokens;
  self->attrs_ = &attrs;
  self->ignore_merges_ = vocab.ignore_merges;
  HAVEN_ASSIGN_OR_RETURN(self->pre_, RegexPreTokenizer::create(vocab.pre));
  for (int b = 0; b < 256; ++b) {
    self->byte_tokens_[b] = find_token_id(tokens, byte_to_unicode_utf8(static_cast<uint8_t>(b)));
  }
  self->id_merges_.reserve(vocab.merges.size());
  std::string merged_text;
  for (size_t i = 0; i < vocab.merges.size(); ++i) {
    const std::string& line = vocab.merges[i];
    // llama.cpp splits at the first space after the first byte, so a left half may start with a space.
    const size_t space = line.size() > 1 ? line.find(' ', 1) : std::string::npos;
    if (space == std::string::npos) {
      return invalid_argument("tokenizer.ggml.merges[" + std::to_string(i) +
                              "]: expected two token texts separated by a space, found none");
    }
    const std::string_view left = std::string_view(line).substr(0, space);
    const std::string_view right = std::string_view(line).substr(space + 1);
    merged_text.assign(left);
    merged_text.append(right);
    const Merge merge{static_cast<int32_t>(i), find_token_id(tokens, merged_text)};
    // A merge into a control or unknown token would let plain text produce it (see special_split.h).
    if (merge.merged != kNoToken &&
        (attrs[static_cast<size_t>(merge.merged)] & (token_attr::kControl | token_attr::kUnknown)) != 0) {
      continue;
    }
    const TokenId left_id = find_token_id(tokens, left);
    const TokenId right_id = find_token_id(tokens, right);
    // The first listing of a pair wins, as in llama.cpp (emplace keeps the existing entry).
    if (left_id != kNoToken && right_id != kNoToken) {
      self->id_merges_.emplace(pair_key(left_id, right_id), merge);
    } else {
      self->text_merges_.emplace(text_key(left, right), merge);
    }
  }
  return self;
}

const BpeEncoder::Merge* BpeEncoder::find_merge(std::string_view word, const Symbol& left,
                                                const Symbol& right) const {
  if (left.id != kNoToken && right.id != kNoToken) {
    auto it = id_merges_.find(pair_key(left.id, right.id));
    return it == id_merges_.end() ? nullptr : &it->second;
  }
  if (text_merges_.empty()) return nullptr;
  const std::string key = text_key(byte_level_encode(word.substr(left.start, left.length)),
                                   byte_level_encode(word.substr(right.start, right.length)));
  auto it = text_merges_.find(key);
  return it == text_merges_.end() ? nullptr : &it->second;
}

void BpeEncoder::encode_word(std::string_view word, std::vector<Symbol>& symbols, std::vector<TokenId>& out) const {
  if (ignore_merges_) {
    // Llama 3 (tiktoken) emits a word that is already a token as that token, whatever the merges say.
    // Control and unknown tokens never come out of plain text (see special_split.h).
    const TokenId whole = find_token_id(*tokens_, byte_level_encode(word));
    if (whole != kNoToken &&
        ((*attrs_)[static_cast<size_t>(whole)] & (token_attr::kControl | token_attr::kUnknown)) == 0) {
      out.push_back(whole);
      return;
    }
  }

  symbols.clear();
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n; ++i) {
    Symbol s;
    s.start = static_cast<uint32_t>(i);
    s.length = 1;
    s.prev = i - 1;
    s.next = (i + 1 < n) ? i + 1 : -1;
    s.id = byte_tokens_[static_cast<uint8_t>(word[static_cast<size_t>(i)])];
    symbols.push_back(s);
  }

  std::priority_queue<Bigram, std::vector<Bigram>, BigramAfter> queue;
  auto add_bigram = [&](int32_t left, int32_t right) {
    if (left < 0 || right < 0) return;
    const Merge* merge = find_merge(word, symbols[static_cast<size_t>(left)], symbols[static_cast<size_t>(right)]);
    if (merge == nullptr) return;
    queue.push({merge->rank, left, right, symbols[static_cast<size_t>(left)].length,
                symbols[static_cast<size_t>(right)].length, merge->merged});
  };
  for (int32_t i = 1; i < n; ++i) add_bigram(i - 1, i);

  while (!queue.empty()) {
    const Bigram bigram = queue.top();
    queue.pop();
    Symbol& left = symbols[static_cast<size_t>(bigram.left)];
    Symbol& right = symbols[static_cast<size_t>(bigram.right)];
    // Symbols only grow, so unchanged lengths mean unchanged texts (llama.cpp compares the texts).
    if (left.length == 0 || right.length == 0 || left.length != bigram.left_length ||
        right.length != bigram.right_length || left.next != bigram.right) {
      continue;
    }
    left.length += right.length;
    left.id = bigram.merged;
    right.length = 0;
    left.next = right.next;
    if (right.next >= 0) symbols[static_cast<size_t>(right.next)].prev = bigram.left;
    add_bigram(left.prev, bigram.left);
    add_bigram(bigram.left, left.next);
  }

  for (int32_t i = n > 0 ? 0 : -1; i != -1; i = symbols[static_cast<size_t>(i)].next) {
    const Symbol& s = symbols[static_cast<size_t>(i)];
    if (s.id != kNoToken) {
      out.push_back(s.id);
      continue;
    }
    // A symbol that is not a token (only with incomplete vocabularies): llama.cpp emits the tokens of
    // its single mapped bytes that exist and drops the rest.
    const std::string mapped = byte_level_encode(word.substr(s.start, s.length));
    for (char c : mapped) {
      const TokenId id = find_token_id(*tokens_, std::string_view(&c, 1));
      if (id != kNoToken) out.push_back(id);
    }
  }
}

Status BpeEncoder::encode(std::string_view text, std::vector<TokenId>& out) const {
  std::vector<TextSpan> words;
  HAVEN_RETURN_IF_ERROR(pre_->split(text, words));
  std::vector<Symbol> symbols;
  for (const TextSpan& w : words) {
    if (w.length == 0) continue;
    encode_word(text.substr(w.offset, w.length), symbols, out);
  }
  return Status::ok();
}

}  // namespace haven::engine
