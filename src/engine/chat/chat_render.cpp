#include "engine/chat/chat_render.h"

#include <algorithm>

#include "core/utf8.h"

namespace haven::engine {
namespace {

// Python's str.isspace(): bidirectional class WS, B or S, or category Zs.
bool is_python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Decodes the code point that ends at s[end-1], returning its first byte's offset.
size_t previous_char_start(std::string_view s, size_t end) {
  size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return start;
}

std::string_view role_name(ChatRole role) {
  switch (role) {
    case ChatRole::kSystem: return "system";
    case ChatRole::kUser: return "user";
    case ChatRole::kAssistant: return "assistant";
  }
  return "user";
}

// A piece of one turn before it is written: template text or message content. Kept apart so that
// stripping, which the templates apply to a whole expression, can cross from content into template text
// and the segment marks still follow the bytes.
struct Piece {
  std::string_view text;
  bool from_message;
};

class Builder {
 public:
  void tmpl(std::string_view s) { add(s, false); }
  void content(std::string_view s) { add(s, true); }
  // Writes the pieces with Python-strip applied to their concatenation.
  void stripped(std::initializer_list<Piece> pieces) {
    std::string joined;
    for (const Piece& p : pieces) joined += p.text;
    std::string_view kept = python_strip(joined);
    size_t keep_begin = static_cast<size_t>(kept.data() - joined.data());
    size_t keep_end = keep_begin + kept.size();
    size_t at = 0;
    for (const Piece& p : pieces) {
      size_t b = std::max(at, keep_begin), e = std::min(at + p.text.size(), keep_end);
      if (b < e) add(p.text.substr(b - at, e - b), p.from_message);
      at += p.text.size();
    }
  }
  RenderedChat finish(const ChatFormat& format) && {
    RenderedChat r;
    r.text = std::move(text_);
    r.segments = std::move(segments_);
    if (!format.bos_token.empty() && !r.segments.empty() && !r.segments[0].from_message &&
        r.text.compare(0, format.bos_token.size(), format.bos_token) == 0) {
      r.bos_prefix_length = format.bos_token.size();
    }
    return r;
  }

 private:
  void add(std::string_view s, bool from_message) {
    if (s.empty()) return;
    if (!segments_.empty() && segments_.back().from_message == from_message) {
      segments_.back().length += s.size();
    } else {
      segments_.push_back({text_.size(), s.size(), from_message});
    }
    text_ += s;
  }
  std::string text_;
  std::vector<ChatSegment> segments_;
};

Status alternation_error(std::span<const ChatMessage> loop, size_t index, size_t offset) {
  return invalid_argument("chat: expected " + std::string(index % 2 == 0 ? "a user" : "an assistant") +
                          " message at position " + std::to_string(index + offset) +
                          " (roles must alternate user/assistant after the optional system message), found " +
                          std::string(role_name(loop[index].role)));
}

// The templates that take the system message out first and then require user, assistant, user… .
Status check_alternation(std::span<const ChatMessage> loop, size_t offset) {
  for (size_t i = 0; i < loop.size(); ++i) {
    const bool want_user = i % 2 == 0;
    const bool ok = want_user ? loop[i].role == ChatRole::kUser : loop[i].role == ChatRole::kAssistant;
    if (!ok) return alternation_error(loop, i, offset);
  }
  return Status::ok();
}

// Splits off a leading system message for the templates that handle it apart from the loop.
struct SystemSplit {
  const ChatMessage* system = nullptr;  // borrowed from the caller's span
  std::span<const ChatMessage> loop;
  size_t offset = 0;  // index of loop[0] in the caller's messages
};

SystemSplit split_system(std::span<const ChatMessage> messages) {
  SystemSplit s;
  if (!messages.empty() && messages[0].role == ChatRole::kSystem) {
    s.system = &messages[0];
    s.loop = messages.subspan(1);
    s.offset = 1;
  } else {
    s.loop = messages;
  }
  return s;
}

Status require_user_after_system(const SystemSplit& s, std::string_view family) {
  if (s.system != nullptr && s.loop.empty()) {
    return invalid_argument("chat: expected a user message after the system message; the " +
                            std::string(family) + " template has nowhere else to put it");
  }
  return Status::ok();
}

void render_chatml(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages, bool gen) {
  if (!f.default_system_prompt.empty() && messages[0].role != ChatRole::kSystem) {
    b.tmpl("<|im_start|>system\n");
    b.tmpl(f.default_system_prompt);
    b.tmpl("<|im_end|>\n");
  }
  for (const ChatMessage& m : messages) {
    b.tmpl("<|im_start|>");
    b.tmpl(role_name(m.role));
    b.tmpl("\n");
    b.content(m.content);
    b.tmpl("<|im_end|>\n");
  }
  if (gen) b.tmpl("<|im_start|>assistant\n");
}

void llama3_turn(Builder& b, const ChatMessage& m) {
  b.tmpl("<|start_header_id|>");
  b.tmpl(role_name(m.role));
  b.tmpl("<|end_header_id|>\n\n");
  b.content(python_strip(m.content));
  b.tmpl("<|eot_id|>");
}

void render_llama3(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages, bool gen) {
  b.tmpl(f.bos_token);  // the template prefixes the first turn, and there always is one here
  for (const ChatMessage& m : messages) llama3_turn(b, m);
  if (gen) b.tmpl("<|start_header_id|>assistant<|end_header_id|>\n\n");
}

void render_llama31(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages, bool gen) {
  SystemSplit s = split_system(messages);
  b.tmpl(f.bos_token);
  b.tmpl("<|start_header_id|>system<|end_header_id|>\n\n");
  b.tmpl("Cutting Knowledge Date: December 2023\n");
  b.tmpl("Today Date: ");
  b.tmpl(f.date_string);
  b.tmpl("\n\n");
  if (s.system != nullptr) b.content(python_strip(s.system->content));
  b.tmpl("<|eot_id|>");
  for (const ChatMessage& m : s.loop) llama3_turn(b, m);
  if (gen) b.tmpl("<|start_header_id|>assistant<|end_header_id|>\n\n");
}

Status render_llama2(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages) {
  SystemSplit s = split_system(messages);
  HAVEN_RETURN_IF_ERROR(require_user_after_system(s, "llama2"));
  HAVEN_RETURN_IF_ERROR(check_alternation(s.loop, s.offset));
  for (size_t i = 0; i < s.loop.size(); ++i) {
    const ChatMessage& m = s.loop[i];
    if (m.role == ChatRole::kUser) {
      b.tmpl(f.bos_token);
      b.tmpl("[INST] ");
      if (i == 0 && s.system != nullptr) {
        // content.strip() applies to the whole "<<SYS>>…<</SYS>>\n\n" + user string.
        b.stripped({{"<<SYS>>\n", false},
                    {s.system->content, true},
                    {"\n<</SYS>>\n\n", false},
                    {m.content, true}});
      } else {
        b.content(python_strip(m.content));
      }
      b.tmpl(" [/INST]");
    } else {
      b.tmpl(" ");
      b.content(python_strip(m.content));
      b.tmpl(" ");
      b.tmpl(f.eos_token);
    }
  }
  return Status::ok();
}

Status render_mistral(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages,
                      const ChatRenderOptions& options) {
  SystemSplit s = split_system(messages);
  const std::string_view name = chat_family_name(f.family);
  if (s.system != nullptr && f.family == ChatFamily::kMistralLegacy && options.reject_unsupported_system) {
    return unsupported("chat: the mistral-legacy template supports only user and assistant roles, found a "
                       "system message");
  }
  HAVEN_RETURN_IF_ERROR(require_user_after_system(s, name));
  HAVEN_RETURN_IF_ERROR(check_alternation(s.loop, s.offset));
  if (s.system != nullptr && f.family == ChatFamily::kMistralV3 && s.loop.back().role != ChatRole::kUser) {
    return invalid_argument("chat: the mistral-v3 template puts the system message in the last user turn; "
                            "expected the conversation to end with a user message, found an assistant message");
  }
  b.tmpl(f.bos_token);
  for (size_t i = 0; i < s.loop.size(); ++i) {
    const ChatMessage& m = s.loop[i];
    const bool with_system =
        s.system != nullptr && (f.family == ChatFamily::kMistralV3 ? i + 1 == s.loop.size() : i == 0);
    if (m.role == ChatRole::kUser) {
      b.tmpl(f.family == ChatFamily::kMistralV1 ? " [INST] " : "[INST] ");
      if (with_system) {
        b.content(s.system->content);
        b.tmpl("\n\n");
      }
      b.content(m.content);
      b.tmpl(f.family == ChatFamily::kMistralV3 ? "[/INST]" : " [/INST]");
    } else if (f.family == ChatFamily::kMistralLegacy) {
      b.content(m.content);
      b.tmpl(f.eos_token);
      if (f.space_after_eos) b.tmpl(" ");
    } else {
      b.tmpl(" ");
      b.content(f.family == ChatFamily::kMistralV3 ? python_strip(m.content) : std::string_view(m.content));
      b.tmpl(f.eos_token);
    }
  }
  return Status::ok();
}

Status render_gemma(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages,
                    const ChatRenderOptions& options, bool gen) {
  SystemSplit s = split_system(messages);
  if (s.system != nullptr && options.reject_unsupported_system) {
    return unsupported("chat: the gemma-2 template does not support the system role, found a system message");
  }
  HAVEN_RETURN_IF_ERROR(require_user_after_system(s, "gemma"));
  HAVEN_RETURN_IF_ERROR(check_alternation(s.loop, s.offset));
  b.tmpl(f.bos_token);
  for (size_t i = 0; i < s.loop.size(); ++i) {
    const ChatMessage& m = s.loop[i];
    b.tmpl(m.role == ChatRole::kAssistant ? "<start_of_turn>model\n" : "<start_of_turn>user\n");
    if (i == 0 && s.system != nullptr) {
      b.content(s.system->content);  // Gemma 3's first_user_prefix: not trimmed
      b.tmpl("\n\n");
    }
    b.content(python_strip(m.content));
    b.tmpl("<end_of_turn>\n");
  }
  if (gen) b.tmpl("<start_of_turn>model\n");
  return Status::ok();
}

void render_phi3(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages, bool gen) {
  for (const ChatMessage& m : messages) {
    if (m.role == ChatRole::kSystem && f.skip_empty_system && m.content.empty()) continue;
    b.tmpl("<|");
    b.tmpl(role_name(m.role));
    b.tmpl("|>\n");
    b.content(m.content);
    b.tmpl("<|end|>\n");
  }
  if (gen) {
    b.tmpl("<|assistant|>\n");
  } else {
    b.tmpl(f.eos_token);
  }
}

// Hugging Face renders with trim_blocks, so of the template's line breaks only the one after each
// `{{ … }}` turn survives.
void render_zephyr(Builder& b, const ChatFormat& f, std::span<const ChatMessage> messages, bool gen) {
  for (const ChatMessage& m : messages) {
    b.tmpl("<|");
    b.tmpl(role_name(m.role));
    b.tmpl("|>\n");
    b.content(m.content);
    b.tmpl(f.eos_token);
    b.tmpl("\n");
  }
  if (gen) b.tmpl("<|assistant|>\n");
}

void render_plain(Builder& b, std::span<const ChatMessage> messages, bool gen) {
  for (const ChatMessage& m : messages) {
    switch (m.role) {
      case ChatRole::kSystem:
        b.content(m.content);
        b.tmpl("\n\n");
        break;
      case ChatRole::kUser:
        b.tmpl("User: ");
        b.content(m.content);
        b.tmpl("\n");
        break;
      case ChatRole::kAssistant:
        b.tmpl("Assistant: ");
        b.content(m.content);
        b.tmpl("\n");
        break;
    }
  }
  if (gen) b.tmpl("Assistant:");
}

// The families that split off the first system message cannot place a later one.
bool takes_only_leading_system(ChatFamily family) {
  switch (family) {
    case ChatFamily::kLlama2:
    case ChatFamily::kMistralLegacy:
    case ChatFamily::kMistralV1:
    case ChatFamily::kMistralV3:
    case ChatFamily::kGemma:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string_view python_strip(std::string_view s) {
  size_t begin = 0, end = s.size();
  while (begin < end) {
    size_t pos = begin;
    char32_t c = utf8::decode_next(s, pos);
    if (!is_python_space(c)) break;
    begin = pos;
  }
  while (end > begin) {
    size_t start = previous_char_start(s, end);
    size_t pos = start;
    char32_t c = utf8::decode_next(s, pos);
    if (pos != end || !is_python_space(c)) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

Result<RenderedChat> render_chat(const ChatFormat& format, std::span<const ChatMessage> messages,
                                 const ChatRenderOptions& options) {
  if (messages.empty()) return invalid_argument("chat: expected at least one message, found none");
  for (size_t i = 0; i < messages.size(); ++i) {
    const std::string& c = messages[i].content;
    size_t bad = utf8::first_invalid(c);
    if (bad != c.size()) {
      return invalid_argument("chat: expected UTF-8 text in message " + std::to_string(i) +
                              ", found an invalid byte at offset " + std::to_string(bad));
    }
    if (i > 0 && messages[i].role == ChatRole::kSystem && takes_only_leading_system(format.family)) {
      return invalid_argument("chat: expected a system message only at position 0 for the " +
                              std::string(chat_family_name(format.family)) + " template, found one at position " +
                              std::to_string(i));
    }
  }
  Builder b;
  const bool gen = options.add_generation_prompt;
  switch (format.family) {
    case ChatFamily::kChatML: render_chatml(b, format, messages, gen); break;
    case ChatFamily::kLlama3: render_llama3(b, format, messages, gen); break;
    case ChatFamily::kLlama31: render_llama31(b, format, messages, gen); break;
    case ChatFamily::kLlama2: HAVEN_RETURN_IF_ERROR(render_llama2(b, format, messages)); break;
    case ChatFamily::kMistralLegacy:
    case ChatFamily::kMistralV1:
    case ChatFamily::kMistralV3:
      HAVEN_RETURN_IF_ERROR(render_mistral(b, format, messages, options));
      break;
    case ChatFamily::kGemma: HAVEN_RETURN_IF_ERROR(render_gemma(b, format, messages, options, gen)); break;
    case ChatFamily::kPhi3: render_phi3(b, format, messages, gen); break;
    case ChatFamily::kZephyr: render_zephyr(b, format, messages, gen); break;
    case ChatFamily::kPlain: render_plain(b, messages, gen); break;
  }
  return std::move(b).finish(format);
}

}  // namespace haven::engine
