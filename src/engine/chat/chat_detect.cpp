#include "engine/chat/chat_detect.h"

#include <array>
#include <optional>

#include "core/utf8.h"

namespace haven::engine {
namespace {

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Decodes one character of a Jinja string literal starting at t[pos]. Returns nullopt at an unescaped
// quote (the literal ends) or at the end of the input; escapes follow Python's common ones.
std::optional<char> literal_char(std::string_view t, size_t& pos) {
  if (pos >= t.size()) return std::nullopt;
  char c = t[pos];
  if (c == '\'' || c == '"') return std::nullopt;
  if (c != '\\') {
    ++pos;
    return c;
  }
  if (pos + 1 >= t.size()) return std::nullopt;
  char e = t[pos + 1];
  pos += 2;
  switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    default: return std::nullopt;  // an escape we do not model: do not guess
  }
}

// The default system prompt a ChatML template writes when the conversation has none, as Qwen2
// (`'<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n'`) and Qwen2.5 do: a single string
// literal holding the whole system block. A block built from `messages[0]['content']` is not one,
// because its literal ends right after the newline.
std::string chatml_default_system(std::string_view t) {
  constexpr std::string_view kOpen = "<|im_start|>system";
  constexpr std::string_view kClose = "<|im_end|>";
  constexpr size_t kMaxPrompt = 4096;
  size_t from = 0;
  while (true) {
    size_t at = t.find(kOpen, from);
    if (at == std::string_view::npos) return {};
    from = at + 1;
    if (at == 0 || (t[at - 1] != '\'' && t[at - 1] != '"')) continue;  // not the start of a literal
    size_t pos = at + kOpen.size();
    auto nl = literal_char(t, pos);
    if (!nl || *nl != '\n') continue;
    std::string prompt;
    bool closed = false;
    while (prompt.size() <= kMaxPrompt) {
      if (t.substr(pos).substr(0, kClose.size()) == kClose) {
        closed = true;
        break;
      }
      auto c = literal_char(t, pos);
      if (!c) break;
      prompt.push_back(*c);
    }
    // Template bytes come from a model file: a prompt that is not UTF-8 is not one we will write.
    if (closed && !prompt.empty() && utf8::is_valid(prompt)) return prompt;
  }
}

// The fallback "Today Date" of the Llama 3.1+ templates: `set date_string = "26 Jul 2024"`.
std::string llama31_date(std::string_view t) {
  constexpr std::string_view kKey = "date_string = ";
  size_t at = t.find(kKey);
  while (at != std::string_view::npos) {
    size_t pos = at + kKey.size();
    if (pos < t.size() && (t[pos] == '"' || t[pos] == '\'')) {
      const char quote = t[pos++];
      size_t end = t.find(quote, pos);
      if (end != std::string_view::npos && end - pos <= 64 && utf8::is_valid(t.substr(pos, end - pos))) {
        return std::string(t.substr(pos, end - pos));
      }
    }
    at = t.find(kKey, at + 1);
  }
  return {};
}

// True when `marker` appears as a complete string literal or at the start/end of one, i.e. the
// template writes it with exactly this spacing.
bool has_literal_piece(std::string_view t, std::string_view piece) {
  for (char q : {'\'', '"'}) {
    std::string starts;
    starts += q;
    starts += piece;
    std::string ends(piece);
    ends += q;
    if (contains(t, starts) || contains(t, ends)) return true;
  }
  return false;
}

std::optional<ChatFormatDetection> from_template(std::string_view t) {
  ChatFormatDetection d;
  d.source = ChatFormatSource::kTemplate;
  if (contains(t, "<|im_start|>")) {
    if (contains(t, "<|im_sep|>")) return std::nullopt;  // Phi-4's variant: not one we reproduce
    d.format = chat_format_for_family(ChatFamily::kChatML);
    d.format.default_system_prompt = chatml_default_system(t);
    d.note = d.format.default_system_prompt.empty()
                 ? "chat format chatml, recognised from the model's chat template"
                 : "chat format chatml with the template's default system prompt, recognised from the "
                   "model's chat template";
    return d;
  }
  if (contains(t, "<|start_header_id|>")) {
    if (contains(t, "Cutting Knowledge Date")) {
      d.format = chat_format_for_family(ChatFamily::kLlama31);
      std::string date = llama31_date(t);
      if (!date.empty()) d.format.date_string = date;
    } else {
      d.format = chat_format_for_family(ChatFamily::kLlama3);
    }
  } else if (contains(t, "<start_of_turn>")) {
    d.format = chat_format_for_family(ChatFamily::kGemma);
  } else if (contains(t, "<|assistant|>") && contains(t, "<|end|>")) {
    d.format = chat_format_for_family(ChatFamily::kPhi3);
    d.format.skip_empty_system = contains(t, "'system' and message['content']");
  } else if (contains(t, "'<|user|>\\n' + message['content'] + eos_token") ||
             contains(t, "'<|user|>\n' + message['content'] + eos_token")) {
    // Zephyr closes every turn, the user's included, with eos_token (Tulu's look-alike does not).
    d.format = chat_format_for_family(ChatFamily::kZephyr);
  } else if (contains(t, "[INST]")) {
    if (contains(t, "<<SYS>>")) {
      d.format = chat_format_for_family(ChatFamily::kLlama2);
    } else if (has_literal_piece(t, " [INST] ")) {
      d.format = chat_format_for_family(ChatFamily::kMistralV1);
    } else if (has_literal_piece(t, " [/INST]")) {
      d.format = chat_format_for_family(ChatFamily::kMistralLegacy);
      d.format.space_after_eos = contains(t, "eos_token + ' '");
    } else if (has_literal_piece(t, "[INST] ") && has_literal_piece(t, "[/INST]")) {
      d.format = chat_format_for_family(ChatFamily::kMistralV3);
    } else {
      return std::nullopt;  // Tekken ("[INST]user[/INST]") and other spacings we do not reproduce
    }
  } else {
    return std::nullopt;
  }
  d.note = "chat format " + std::string(chat_family_name(d.format.family)) +
           ", recognised from the model's chat template";
  return d;
}

std::optional<ChatFormatDetection> from_vocabulary(std::span<const std::string> vocab) {
  // Marker tokens, each family's pair checked together so a stray token does not decide alone.
  enum Marker { kImStart, kImEnd, kHeader, kEot, kTurnStart, kTurnEnd, kUser, kAssistant, kEnd, kInst, kInstEnd };
  constexpr std::array<std::string_view, 11> kMarkers = {
      "<|im_start|>",    "<|im_end|>", "<|start_header_id|>", "<|eot_id|>", "<start_of_turn>", "<end_of_turn>",
      "<|user|>",        "<|assistant|>", "<|end|>",          "[INST]",     "[/INST]"};
  std::array<bool, kMarkers.size()> has{};
  for (const std::string& tok : vocab) {
    if (tok.size() < 6 || tok.size() > 19) continue;  // cheap reject for the bulk of a 150k vocabulary
    for (size_t i = 0; i < kMarkers.size(); ++i) {
      if (tok == kMarkers[i]) has[i] = true;
    }
  }
  ChatFamily family;
  if (has[kImStart] && has[kImEnd]) {
    family = ChatFamily::kChatML;
  } else if (has[kHeader] && has[kEot]) {
    family = ChatFamily::kLlama3;
  } else if (has[kTurnStart] && has[kTurnEnd]) {
    family = ChatFamily::kGemma;
  } else if (has[kUser] && has[kAssistant] && has[kEnd]) {
    family = ChatFamily::kPhi3;
  } else if (has[kInst] && has[kInstEnd]) {
    family = ChatFamily::kMistralV3;  // [INST] became a control token with Mistral's tokenizer V3
  } else {
    return std::nullopt;
  }
  ChatFormatDetection d;
  d.source = ChatFormatSource::kVocabulary;
  d.format = chat_format_for_family(family);
  d.note = "chat format " + std::string(chat_family_name(family)) +
           ", chosen from the model's special tokens (the model has no recognised chat template)";
  return d;
}

}  // namespace

ChatFormatDetection detect_chat_format(std::string_view chat_template, std::span<const std::string> vocabulary) {
  if (!chat_template.empty()) {
    if (auto d = from_template(chat_template)) return *d;
  }
  if (auto d = from_vocabulary(vocabulary)) {
    if (!chat_template.empty()) d->note += "; its chat template was not recognised";
    return *d;
  }
  ChatFormatDetection d;
  d.format = chat_format_for_family(ChatFamily::kPlain);
  d.source = ChatFormatSource::kFallback;
  d.warning = true;
  d.note = chat_template.empty()
               ? "no chat template and no known special tokens: using the plain format, which this model "
                 "may not follow well; choose one with --chat-format"
               : "the model's chat template was not recognised: using the plain format, which this model "
                 "may not follow well; choose one with --chat-format";
  return d;
}

Result<ChatFormatDetection> choose_chat_format(const ChatFormatInputs& inputs) {
  if (!utf8::is_valid(inputs.bos_token) || !utf8::is_valid(inputs.eos_token)) {
    return invalid_argument("chat format: expected UTF-8 text for the model's BOS/EOS tokens, found invalid bytes");
  }
  ChatFormatDetection d;
  if (!inputs.override_name.empty()) {
    HAVEN_ASSIGN_OR_RETURN(d.format, chat_format_from_name(inputs.override_name));
    d.source = ChatFormatSource::kOverride;
    d.note = "chat format " + std::string(chat_family_name(d.format.family)) + ", chosen with --chat-format";
  } else {
    d = detect_chat_format(inputs.chat_template, inputs.vocabulary);
  }
  // Only families whose template writes bos/eos text (a non-empty default) take the model's.
  if (!inputs.bos_token.empty() && !d.format.bos_token.empty()) d.format.bos_token = std::string(inputs.bos_token);
  if (!inputs.eos_token.empty() && !d.format.eos_token.empty()) d.format.eos_token = std::string(inputs.eos_token);
  return d;
}

}  // namespace haven::engine
