// The system prompt Haven gives every model, and the reason for each of its sentences.
//
// This is the one reviewed place where Haven tells the model who it is. Each sentence sits beside the
// reason it is there, so a reviewer can change a sentence knowing what it protects.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace haven::companion {

struct PromptSentence {
  std::string_view text;  // what the model reads
  std::string_view why;   // why it is there (never sent to the model)
};

// Every sentence of the base system prompt, in order.
std::span<const PromptSentence> system_prompt_sentences();

// The base system prompt as the model sees it: the sentences joined into short paragraphs.
std::string base_system_prompt();

}  // namespace haven::companion
