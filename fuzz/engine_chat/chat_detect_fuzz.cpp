// Fuzzes chat format detection with template-like bytes and vocabularies, then renders a conversation in
// whatever was detected. Invariants: detection never fails or reads out of bounds; a warning comes only
// with the plain fallback; everything detection extracts (default system prompt, date) is UTF-8; and a
// well-formed conversation always renders to valid UTF-8 whose segments cover the text exactly.
//
// Input: byte 0 picks a template fragment, byte 1 where the rest is spliced into it (so the fuzzer starts
// near every family's markers without a seed corpus); after a 0 byte, the rest is a vocabulary, one token
// per line.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "engine/chat/chat_detect.h"
#include "engine/chat/chat_render.h"

namespace {

using namespace haven::engine;

constexpr std::array<std::string_view, 11> kFragments = {
    "",
    "{{ '<|im_start|>system\\nYou are kind.<|im_end|>\\n' }}{{'<|im_start|>' + message['role'] + '\\n'}}",
    "{%- set date_string = \"26 Jul 2024\" %}<|start_header_id|>Cutting Knowledge Date: December 2023",
    "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' }}",
    "{{ bos_token + '[INST] ' + '<<SYS>>\\n' + content.strip() + ' [/INST]' }}",
    "{{ ' [INST] ' + message['content'] + ' [/INST]' }}",
    "{{ \"[INST] \" + message[\"content\"] + \"[/INST]\" }}{{ message['content'] + eos_token + ' ' }}",
    "{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}",
    "{% if message['role'] == 'system' and message['content'] %}{{'<|assistant|>\\n' + '<|end|>\\n'}}",
    "<|im_start|>user<|im_sep|>",
    "{{ '<|user|>\\n' + message['content'] + eos_token }}{{ '<|assistant|>' }}",
};

void check(bool ok) {
  if (!ok) std::abort();
}

void check_rendered(const RenderedChat& r) {
  check(haven::utf8::is_valid(r.text));
  size_t at = 0;
  for (const ChatSegment& s : r.segments) {
    check(s.offset == at && s.length > 0);
    at += s.length;
  }
  check(at == r.text.size());
  check(r.bos_prefix_length <= r.text.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string tmpl;
  std::vector<std::string> vocab;
  if (in.size() >= 2) {
    std::string_view base = kFragments[static_cast<uint8_t>(in[0]) % kFragments.size()];
    size_t split = static_cast<uint8_t>(in[1]) % (base.size() + 1);
    std::string_view rest = in.substr(2);
    size_t zero = rest.find('\0');
    std::string_view spliced = rest.substr(0, zero);
    tmpl = std::string(base.substr(0, split)) + std::string(spliced) + std::string(base.substr(split));
    if (zero != std::string_view::npos) {
      std::string_view v = rest.substr(zero + 1);
      while (!v.empty()) {
        size_t nl = v.find('\n');
        vocab.emplace_back(v.substr(0, nl));
        if (nl == std::string_view::npos) break;
        v = v.substr(nl + 1);
      }
    }
  } else {
    tmpl.assign(in);
  }

  ChatFormatDetection d = detect_chat_format(tmpl, vocab);
  check(!d.note.empty());
  check(d.warning == (d.source == ChatFormatSource::kFallback));
  check(!d.warning || d.format.family == ChatFamily::kPlain);
  check(haven::utf8::is_valid(d.format.default_system_prompt));
  check(haven::utf8::is_valid(d.format.date_string));

  const std::vector<ChatMessage> conversation = {
      {ChatRole::kSystem, "Be gentle."},
      {ChatRole::kUser, " I can't sleep. "},
      {ChatRole::kAssistant, "That sounds hard."},
      {ChatRole::kUser, "\xF0\x9F\x98\x94 yes"},
  };
  for (bool gen : {true, false}) {
    ChatRenderOptions o;
    o.add_generation_prompt = gen;
    auto r = render_chat(d.format, conversation, o);
    check(r.is_ok());
    check_rendered(*r);
  }
  // The fuzz bytes as a user message, when they are text: always renders, and the message survives.
  if (haven::utf8::is_valid(tmpl)) {
    const std::vector<ChatMessage> one = {{ChatRole::kUser, tmpl}};
    auto r = render_chat(d.format, one);
    check(r.is_ok());
    check_rendered(*r);
    check(r->text.find(python_strip(tmpl)) != std::string::npos);
  }
  return 0;
}
