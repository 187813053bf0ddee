#include "engine/chat/chat_tokenize.h"

#include <algorithm>
#include <string>

#include "engine/tokenizer/special_split.h"

namespace haven::engine {
namespace {

// C isspace() in the "C" locale, as llama.cpp's lstrip/rstrip use.
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

struct Piece {
  TokenId token = kNoToken;  // a special token, or kNoToken for raw text [begin, end) of the chat text
  size_t begin = 0;
  size_t end = 0;
};

// The tokens llama.cpp splits on (control, user-defined, unknown), longest first as it orders them.
std::vector<SpecialToken> special_tokens(const Tokenizer& tok) {
  std::vector<SpecialToken> specials;
  const uint32_t kinds = token_attr::kControl | token_attr::kUserDefined | token_attr::kUnknown;
  for (size_t i = 0; i < tok.n_tokens(); ++i) {
    const TokenId id = static_cast<TokenId>(i);
    const uint32_t attr = tok.attributes(id);
    if ((attr & kinds) != 0 && !tok.token_text(id).empty()) specials.push_back({id, tok.token_text(id), attr});
  }
  std::stable_sort(specials.begin(), specials.end(),
                   [](const SpecialToken& a, const SpecialToken& b) { return a.text.size() > b.text.size(); });
  return specials;
}

}  // namespace

Result<std::vector<TokenId>> tokenize_chat(const Tokenizer& tok, const RenderedChat& chat,
                                           const ChatTokenizeOptions& options) {
  const std::string_view text(chat.text);
  size_t covered = 0;
  for (const ChatSegment& s : chat.segments) {
    if (s.offset != covered || s.length > text.size() - covered) {
      return invalid_argument("chat tokenize: expected segments that cover the text in order, found one at offset " +
                              std::to_string(s.offset));
    }
    covered += s.length;
  }
  if (covered != text.size()) {
    return invalid_argument("chat tokenize: expected segments covering " + std::to_string(text.size()) +
                            " bytes, found " + std::to_string(covered));
  }

  const std::vector<SpecialToken> specials = special_tokens(tok);
  std::vector<Piece> pieces;
  std::vector<Fragment> fragments;
  for (const ChatSegment& s : chat.segments) {
    // Control tokens only where the template wrote them; user-defined tokens everywhere, as encode() does.
    split_special_tokens(text.substr(s.offset, s.length), specials, /*parse_special=*/!s.from_message, fragments);
    for (const Fragment& f : fragments) {
      if (f.token != kNoToken) {
        pieces.push_back({f.token, 0, 0});
      } else {
        pieces.push_back({kNoToken, s.offset + f.offset, s.offset + f.offset + f.length});
      }
    }
  }
  // lstrip/rstrip swallow whitespace next to a special token even across a segment boundary, as they do
  // when llama.cpp splits the whole text.
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].token == kNoToken) continue;
    const uint32_t attr = tok.attributes(pieces[i].token);
    if ((attr & token_attr::kLstrip) != 0) {
      for (size_t j = i; j-- > 0 && pieces[j].token == kNoToken;) {
        while (pieces[j].end > pieces[j].begin && is_ascii_space(text[pieces[j].end - 1])) --pieces[j].end;
        if (pieces[j].end > pieces[j].begin) break;
      }
    }
    if ((attr & token_attr::kRstrip) != 0) {
      for (size_t j = i + 1; j < pieces.size() && pieces[j].token == kNoToken; ++j) {
        while (pieces[j].begin < pieces[j].end && is_ascii_space(text[pieces[j].begin])) ++pieces[j].begin;
        if (pieces[j].begin < pieces[j].end) break;
      }
    }
  }

  std::vector<TokenId> out;
  std::string raw;
  auto flush = [&]() -> Status {
    if (raw.empty()) return Status::ok();
    HAVEN_ASSIGN_OR_RETURN(std::vector<TokenId> ids, tok.encode(raw, {.add_special = false, .parse_special = false}));
    out.insert(out.end(), ids.begin(), ids.end());
    raw.clear();
    return Status::ok();
  };
  for (const Piece& p : pieces) {
    if (p.token == kNoToken) {
      raw.append(text.substr(p.begin, p.end - p.begin));
      continue;
    }
    HAVEN_RETURN_IF_ERROR(flush());
    out.push_back(p.token);
  }
  HAVEN_RETURN_IF_ERROR(flush());
  if (options.add_bos && tok.add_bos() && tok.bos() != kNoToken && (out.empty() || out.front() != tok.bos())) {
    out.insert(out.begin(), tok.bos());
  }
  return out;
}

}  // namespace haven::engine
