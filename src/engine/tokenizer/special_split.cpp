#include "engine/tokenizer/special_split.h"

namespace haven::engine {
namespace {

// C isspace() in the "C" locale, as llama.cpp uses for lstrip/rstrip.
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

void split_special_tokens(std::string_view text, const std::vector<SpecialToken>& specials, bool parse_special,
                          std::vector<Fragment>& out) {
  out.clear();
  if (text.empty()) return;
  out.push_back({kNoToken, 0, text.size()});
  std::vector<Fragment> next;
  for (const SpecialToken& special : specials) {
    if (!parse_special && (special.attr & (token_attr::kControl | token_attr::kUnknown)) != 0) continue;
    if (special.text.empty()) continue;
    next.clear();
    bool changed = false;
    for (const Fragment& fragment : out) {
      if (fragment.token != kNoToken) {
        next.push_back(fragment);
        continue;
      }
      size_t begin = fragment.offset;
      size_t end = fragment.offset + fragment.length;
      while (begin < end) {
        const size_t match = text.substr(0, end).find(special.text, begin);
        if (match == std::string_view::npos) break;
        changed = true;
        size_t left_end = match;
        if ((special.attr & token_attr::kLstrip) != 0) {
          while (left_end > begin && is_ascii_space(text[left_end - 1])) --left_end;
        }
        if (left_end > begin) next.push_back({kNoToken, begin, left_end - begin});
        next.push_back({special.id, 0, 0});
        begin = match + special.text.size();
        if ((special.attr & token_attr::kRstrip) != 0) {
          while (begin < end && is_ascii_space(text[begin])) ++begin;
        }
      }
      if (begin < end) next.push_back({kNoToken, begin, end - begin});
    }
    if (changed) out.swap(next);
  }
}

}  // namespace haven::engine
