#include "engine/chat/chat_format.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace haven::engine {
namespace {

constexpr std::string_view kQwenDefaultSystem =
    "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";
// The fallback literal of the Llama 3.1/3.2/3.3 templates (`set date_string = "26 Jul 2024"`).
constexpr std::string_view kLlama31DefaultDate = "26 Jul 2024";

struct NamedFamily {
  std::string_view name;
  ChatFamily family;
};

constexpr std::array<NamedFamily, 11> kFamilies = {{
    {"chatml", ChatFamily::kChatML},
    {"llama3", ChatFamily::kLlama3},
    {"llama3.1", ChatFamily::kLlama31},
    {"llama2", ChatFamily::kLlama2},
    {"mistral-legacy", ChatFamily::kMistralLegacy},
    {"mistral-v1", ChatFamily::kMistralV1},
    {"mistral-v3", ChatFamily::kMistralV3},
    {"gemma", ChatFamily::kGemma},
    {"phi3", ChatFamily::kPhi3},
    {"zephyr", ChatFamily::kZephyr},
    {"plain", ChatFamily::kPlain},
}};

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view chat_family_name(ChatFamily family) {
  for (const auto& f : kFamilies) {
    if (f.family == family) return f.name;
  }
  return "plain";
}

std::vector<std::string_view> chat_format_names() {
  std::vector<std::string_view> names;
  names.push_back("chatml");
  names.push_back("qwen");
  for (const auto& f : kFamilies) {
    if (f.family != ChatFamily::kChatML) names.push_back(f.name);
  }
  return names;
}

ChatFormat chat_format_for_family(ChatFamily family) {
  ChatFormat f;
  f.family = family;
  switch (family) {
    case ChatFamily::kChatML:
      f.eos_token = "<|im_end|>";
      break;
    case ChatFamily::kLlama3:
    case ChatFamily::kLlama31:
      f.bos_token = "<|begin_of_text|>";
      f.eos_token = "<|eot_id|>";
      if (family == ChatFamily::kLlama31) f.date_string = std::string(kLlama31DefaultDate);
      break;
    case ChatFamily::kLlama2:
    case ChatFamily::kMistralLegacy:
    case ChatFamily::kMistralV1:
    case ChatFamily::kMistralV3:
      f.bos_token = "<s>";
      f.eos_token = "</s>";
      break;
    case ChatFamily::kGemma:
      f.bos_token = "<bos>";
      f.eos_token = "<eos>";
      break;
    case ChatFamily::kPhi3:
      f.bos_token = "<s>";
      f.eos_token = "<|endoftext|>";
      break;
    case ChatFamily::kZephyr:
      f.eos_token = "</s>";
      break;
    case ChatFamily::kPlain:
      break;
  }
  return f;
}

Result<ChatFormat> chat_format_from_name(std::string_view name) {
  const std::string lower = lowercase_ascii(name);
  if (lower == "qwen") {
    ChatFormat f = chat_format_for_family(ChatFamily::kChatML);
    f.default_system_prompt = std::string(kQwenDefaultSystem);
    return f;
  }
  for (const auto& f : kFamilies) {
    if (lower == f.name) return chat_format_for_family(f.family);
  }
  std::string accepted;
  for (std::string_view n : chat_format_names()) {
    if (!accepted.empty()) accepted += ", ";
    accepted += n;
  }
  // The name comes from the command line, never from what the user wrote in a conversation.
  return invalid_argument("chat format: expected one of " + accepted + ", found \"" + std::string(name) +
                          "\"");
}

std::vector<std::string> chat_stop_strings(const ChatFormat& format) {
  std::vector<std::string> stops;
  switch (format.family) {
    case ChatFamily::kChatML:
      stops = {"<|im_end|>", "<|endoftext|>", "<|im_start|>"};
      break;
    case ChatFamily::kLlama3:
    case ChatFamily::kLlama31:
      stops = {"<|eot_id|>", "<|eom_id|>", "<|end_of_text|>", "<|start_header_id|>"};
      break;
    case ChatFamily::kLlama2:
    case ChatFamily::kMistralLegacy:
    case ChatFamily::kMistralV1:
    case ChatFamily::kMistralV3:
      stops = {"</s>", "[INST]"};
      break;
    case ChatFamily::kGemma:
      stops = {"<end_of_turn>", "<start_of_turn>", "<eos>"};
      break;
    case ChatFamily::kPhi3:
      stops = {"<|end|>", "<|endoftext|>", "<|user|>", "<|assistant|>", "<|system|>"};
      break;
    case ChatFamily::kZephyr:
      stops = {"</s>", "<|user|>", "<|system|>"};
      break;
    case ChatFamily::kPlain:
      stops = {"\nUser:", "\nAssistant:", "\nSystem:"};
      break;
  }
  if (!format.eos_token.empty() &&
      std::find(stops.begin(), stops.end(), format.eos_token) == stops.end()) {
    stops.push_back(format.eos_token);
  }
  return stops;
}

}  // namespace haven::engine
