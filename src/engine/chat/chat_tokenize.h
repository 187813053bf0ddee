// Tokenizing a rendered chat without letting message text become control tokens.
//
// llama.cpp tokenizes a whole rendered prompt with parse_special, so a user who types "<|im_end|>" ends
// their own turn and can open a fake system turn. tokenize_chat() recognises special tokens only in the
// bytes the template wrote (RenderedChat::segments) and tokenizes message text as plain text. For
// messages without special-token text the ids are exactly what llama.cpp's parse_special tokenization of
// RenderedChat::text gives (tests/engine/chat/chat_tokenize_test.cpp checks this on the shared
// vocabularies).
#pragma once

#include <vector>

#include "core/status.h"
#include "engine/chat/chat_render.h"
#include "engine/tokenizer/tokenizer.h"

namespace haven::engine {

struct ChatTokenizeOptions {
  // Put the vocabulary's BOS token first when it asks for one (add_bos) and the template did not already
  // write it. Never doubles it.
  bool add_bos = true;
};

// Returns the tokenizer's error (kInvalidArgument for text that is not UTF-8, which render_chat never
// produces) or kInvalidArgument when the segments do not cover the text.
Result<std::vector<TokenId>> tokenize_chat(const Tokenizer& tokenizer, const RenderedChat& chat,
                                           const ChatTokenizeOptions& options = {});

}  // namespace haven::engine
