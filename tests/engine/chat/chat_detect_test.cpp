#include "engine/chat/chat_detect.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/chat/chat_format.h"
#include "published_templates.h"

namespace haven::engine {
namespace {

ChatFamily family_of(std::string_view tmpl) { return detect_chat_format(tmpl, {}).format.family; }

TEST(ChatDetect, EachPublishedTemplateMapsToItsFamily) {
  EXPECT_EQ(family_of(testing::kQwen25Template), ChatFamily::kChatML);
  EXPECT_EQ(family_of(testing::kQwen2Template), ChatFamily::kChatML);
  EXPECT_EQ(family_of(testing::kChatMLTemplate), ChatFamily::kChatML);
  EXPECT_EQ(family_of(testing::kLlama3Template), ChatFamily::kLlama3);
  EXPECT_EQ(family_of(testing::kLlama31Template), ChatFamily::kLlama31);
  EXPECT_EQ(family_of(testing::kLlama2Template), ChatFamily::kLlama2);
  EXPECT_EQ(family_of(testing::kMistralV01LegacyTemplate), ChatFamily::kMistralLegacy);
  EXPECT_EQ(family_of(testing::kMistralV02LegacyTemplate), ChatFamily::kMistralLegacy);
  EXPECT_EQ(family_of(testing::kMistralV1Template), ChatFamily::kMistralV1);
  EXPECT_EQ(family_of(testing::kMistralV3Template), ChatFamily::kMistralV3);
  EXPECT_EQ(family_of(testing::kGemma2Template), ChatFamily::kGemma);
  EXPECT_EQ(family_of(testing::kPhi3MiniTemplate), ChatFamily::kPhi3);
  EXPECT_EQ(family_of(testing::kPhi35MiniTemplate), ChatFamily::kPhi3);
  EXPECT_EQ(family_of(testing::kZephyrTemplate), ChatFamily::kZephyr);
}

TEST(ChatDetect, PlainChatMLHasNoDefaultSystemPrompt) {
  ChatFormatDetection d = detect_chat_format(testing::kChatMLTemplate, {});
  EXPECT_TRUE(d.format.default_system_prompt.empty());
}

TEST(ChatDetect, DefaultSystemPromptWithEscapedQuoteAndRealNewline) {
  // A literal holding a real line break and an escaped apostrophe.
  std::string t = "{{ '<|im_start|>system\nYou\\'re kind.<|im_end|>\\n' }}";
  EXPECT_EQ(detect_chat_format(t, {}).format.default_system_prompt, "You're kind.");
  // Built from message content, not a literal prompt: nothing to insert.
  std::string built = "{{ '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}";
  EXPECT_TRUE(detect_chat_format(built, {}).format.default_system_prompt.empty());
}

TEST(ChatDetect, Llama31TakesTheTemplatesDateLiteral) {
  std::string t(testing::kLlama31Template);
  const std::string from = "26 Jul 2024";
  t.replace(t.find(from), from.size(), "01 Jan 2025");
  EXPECT_EQ(detect_chat_format(t, {}).format.date_string, "01 Jan 2025");
}

TEST(ChatDetect, UnrecognisedTemplateFallsBackToPlainWithWarning) {
  ChatFormatDetection d = detect_chat_format("{{ messages }}", {});
  EXPECT_EQ(d.format.family, ChatFamily::kPlain);
  EXPECT_EQ(d.source, ChatFormatSource::kFallback);
  EXPECT_TRUE(d.warning);
  EXPECT_NE(d.note.find("--chat-format"), std::string::npos);
  // Tekken spacing is a Mistral template we do not reproduce: warn rather than render it wrongly.
  EXPECT_TRUE(detect_chat_format(testing::kMistralTekkenFragment, {}).warning);
  // Tulu looks like Zephyr but writes no eos_token after the user's turn.
  EXPECT_TRUE(detect_chat_format(testing::kTuluTemplate, {}).warning);
  // Phi-4 is ChatML-like but not ChatML.
  EXPECT_TRUE(detect_chat_format("<|im_start|>user<|im_sep|>", {}).warning);
}

TEST(ChatDetect, NoTemplateUsesSpecialTokens) {
  struct Case {
    std::vector<std::string> vocab;
    ChatFamily want;
  };
  const std::vector<Case> cases = {
      {{"a", "<|endoftext|>", "<|im_start|>", "<|im_end|>"}, ChatFamily::kChatML},
      {{"<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"}, ChatFamily::kLlama3},
      {{"<bos>", "<start_of_turn>", "<end_of_turn>"}, ChatFamily::kGemma},
      {{"<s>", "<|user|>", "<|assistant|>", "<|end|>", "<|system|>"}, ChatFamily::kPhi3},
      {{"<s>", "</s>", "[INST]", "[/INST]"}, ChatFamily::kMistralV3},
  };
  for (const Case& c : cases) {
    ChatFormatDetection d = detect_chat_format("", c.vocab);
    EXPECT_EQ(d.format.family, c.want) << chat_family_name(c.want);
    EXPECT_EQ(d.source, ChatFormatSource::kVocabulary);
    EXPECT_FALSE(d.warning);
  }
  // One marker of a pair is not enough; <s></s> alone could be any SentencePiece model.
  for (const std::vector<std::string>& vocab :
       {std::vector<std::string>{"<|im_start|>"}, std::vector<std::string>{"<s>", "</s>", "hello"},
        std::vector<std::string>{}}) {
    ChatFormatDetection d = detect_chat_format("", vocab);
    EXPECT_EQ(d.format.family, ChatFamily::kPlain);
    EXPECT_TRUE(d.warning);
  }
}

TEST(ChatDetect, TemplateWinsOverVocabulary) {
  std::vector<std::string> vocab = {"<|im_start|>", "<|im_end|>"};
  EXPECT_EQ(detect_chat_format(testing::kGemma2Template, vocab).format.family, ChatFamily::kGemma);
  // An unrecognised template with telling tokens: the tokens decide, and the note says so.
  ChatFormatDetection d = detect_chat_format("{{ x }}", vocab);
  EXPECT_EQ(d.format.family, ChatFamily::kChatML);
  EXPECT_NE(d.note.find("not recognised"), std::string::npos);
}

TEST(ChatDetect, OverrideByName) {
  ChatFormatInputs in;
  in.chat_template = testing::kLlama3Template;
  in.override_name = "Gemma";
  auto d = choose_chat_format(in);
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->format.family, ChatFamily::kGemma);
  EXPECT_EQ(d->source, ChatFormatSource::kOverride);
  in.override_name = "qwen";
  d = choose_chat_format(in);
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->format.family, ChatFamily::kChatML);
  EXPECT_FALSE(d->format.default_system_prompt.empty());
  in.override_name = "vicuna";
  d = choose_chat_format(in);
  ASSERT_FALSE(d.is_ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("expected one of chatml, qwen,"), std::string::npos);
  EXPECT_NE(d.status().message().find("found \"vicuna\""), std::string::npos);
}

TEST(ChatDetect, EveryNameRoundTrips) {
  for (std::string_view name : chat_format_names()) {
    auto f = chat_format_from_name(name);
    ASSERT_TRUE(f.is_ok()) << name;
    if (name != "qwen") {
      EXPECT_EQ(chat_family_name(f->family), name);
    }
  }
}

TEST(ChatFormat, StopStringsPerFamily) {
  auto has = [](const std::vector<std::string>& v, std::string_view s) {
    for (const auto& x : v) {
      if (x == s) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kChatML)), "<|im_end|>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kLlama3)), "<|eot_id|>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kLlama31)), "<|eom_id|>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kMistralV3)), "</s>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kGemma)), "<end_of_turn>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kPhi3)), "<|end|>"));
  EXPECT_TRUE(has(chat_stop_strings(chat_format_for_family(ChatFamily::kPlain)), "\nUser:"));
  // A model's own EOS text is added when the family list lacks it.
  ChatFormat f = chat_format_for_family(ChatFamily::kLlama2);
  f.eos_token = "<|custom_eos|>";
  EXPECT_TRUE(has(chat_stop_strings(f), "<|custom_eos|>"));
  for (std::string_view name : chat_format_names()) {
    for (const std::string& s : chat_stop_strings(*chat_format_from_name(name))) EXPECT_FALSE(s.empty());
  }
}

}  // namespace
}  // namespace haven::engine
