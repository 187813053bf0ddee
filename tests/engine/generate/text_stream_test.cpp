#include "engine/generate/text_stream.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "engine/sampler/rng.h"

namespace haven::engine {
namespace {

using State = TextStream::State;

// Collects what the stream emits and checks every run is valid UTF-8.
struct Collector {
  std::vector<std::string> chunks;
  bool keep_going = true;
  TextStream::Sink sink() {
    return [this](std::string_view t) {
      EXPECT_TRUE(utf8::is_valid(t));
      chunks.emplace_back(t);
      return keep_going;
    };
  }
  std::string all() const {
    std::string s;
    for (const auto& c : chunks) s += c;
    return s;
  }
};

TEST(TextStream, EmojiSpreadOverFourPiecesIsEmittedWhole) {
  Collector c;
  TextStream s({}, c.sink());
  s.push("I feel ");
  EXPECT_EQ(c.all(), "I feel ");
  // U+1F60A SMILING FACE WITH SMILING EYES, one byte per token.
  for (const char* b : {"\xF0", "\x9F", "\x98"}) {
    EXPECT_EQ(s.push(b), State::kRunning);
    EXPECT_EQ(c.all(), "I feel ") << "a partial character was emitted";
  }
  s.push("\x8A");
  EXPECT_EQ(c.all(), "I feel \xF0\x9F\x98\x8A");
  EXPECT_EQ(c.chunks.back(), "\xF0\x9F\x98\x8A");
  s.push(" ok");
  EXPECT_EQ(s.finish(), State::kFinished);
  EXPECT_EQ(c.all(), "I feel \xF0\x9F\x98\x8A ok");
  EXPECT_EQ(s.emitted(), c.all());
  EXPECT_EQ(s.replaced_bytes(), 0u);
}

TEST(TextStream, CharacterSplitInsideOnePieceBoundary) {
  Collector c;
  TextStream s({}, c.sink());
  s.push("caf\xC3");  // é split after its first byte
  EXPECT_EQ(c.all(), "caf");
  s.push("\xA9 \xE2\x9D");  // … then a heart split two bytes in
  EXPECT_EQ(c.all(), "caf\xC3\xA9 ");
  s.push("\xA4");
  EXPECT_EQ(c.all(), "caf\xC3\xA9 \xE2\x9D\xA4");
}

TEST(TextStream, StopStringAcrossPiecesIsNotEmitted) {
  Collector c;
  TextStream s({"<|im_end|>"}, c.sink());
  s.push("Hello");
  s.push(" there<|im");
  EXPECT_EQ(c.all(), "Hello there") << "the possible stop prefix must be held back";
  EXPECT_EQ(s.push("_e"), State::kRunning);
  EXPECT_EQ(s.push("nd|>more"), State::kStopString);
  EXPECT_EQ(c.all(), "Hello there");
  EXPECT_EQ(s.matched_stop(), 0);
  // After the stop, nothing more comes out.
  EXPECT_EQ(s.push("again"), State::kStopString);
  EXPECT_EQ(s.finish(), State::kStopString);
  EXPECT_EQ(c.all(), "Hello there");
}

TEST(TextStream, FalseStartOfAStopStringIsReleased) {
  Collector c;
  TextStream s({"<|im_end|>"}, c.sink());
  s.push("a <|i");
  EXPECT_EQ(c.all(), "a ");
  s.push("s fine");
  EXPECT_EQ(c.all(), "a <|is fine");
  s.push(" <|im_en");
  EXPECT_EQ(s.finish(), State::kFinished);  // the generation ended on a prefix: it was text after all
  EXPECT_EQ(c.all(), "a <|is fine <|im_en");
}

TEST(TextStream, EarliestStopStringWins) {
  Collector c;
  TextStream s({"<|im_end|>", "\nUser:"}, c.sink());
  EXPECT_EQ(s.push("ok\nUser: hi<|im_end|>"), State::kStopString);
  EXPECT_EQ(c.all(), "ok");
  EXPECT_EQ(s.matched_stop(), 1);
}

TEST(TextStream, StopStringAtTheVeryStart) {
  Collector c;
  TextStream s({"</s>"}, c.sink());
  EXPECT_EQ(s.push("</"), State::kRunning);
  EXPECT_EQ(s.push("s>"), State::kStopString);
  EXPECT_TRUE(c.chunks.empty());
  EXPECT_EQ(s.emitted(), "");
}

TEST(TextStream, StopStringStartingWithAMultiByteCharacter) {
  Collector c;
  TextStream s({"\xE2\x86\x92" "END"}, c.sink());  // "→END"
  s.push("a\xE2");
  s.push("\x86\x92" "E");
  EXPECT_EQ(c.all(), "a");
  EXPECT_EQ(s.push("ND!"), State::kStopString);
  EXPECT_EQ(c.all(), "a");
  // The same arrow not followed by END is ordinary text.
  Collector d;
  TextStream t({"\xE2\x86\x92" "END"}, d.sink());
  t.push("\xE2\x86\x92");
  t.push("x");
  EXPECT_EQ(d.all(), "\xE2\x86\x92x");
}

TEST(TextStream, SinkReturningFalseCancels) {
  Collector c;
  int calls = 0;
  TextStream s({}, [&](std::string_view t) {
    c.chunks.emplace_back(t);
    return ++calls < 2;
  });
  EXPECT_EQ(s.push("one "), State::kRunning);
  EXPECT_EQ(s.push("two "), State::kCancelled);
  EXPECT_EQ(s.push("three"), State::kCancelled);
  EXPECT_EQ(s.finish(), State::kCancelled);
  EXPECT_EQ(c.all(), "one two ");
  EXPECT_EQ(calls, 2);
}

TEST(TextStream, CancelFlagStopsBeforeTheNextEmission) {
  Collector c;
  std::atomic<bool> cancel{false};
  TextStream s({}, c.sink(), &cancel);
  s.push("first ");
  cancel.store(true);
  EXPECT_EQ(s.push("second"), State::kCancelled);
  EXPECT_EQ(c.all(), "first ");
  // Held-back text is not flushed after a cancel either.
  Collector d;
  std::atomic<bool> cancel2{false};
  TextStream t({"STOP"}, d.sink(), &cancel2);
  t.push("x ST");
  cancel2.store(true);
  EXPECT_EQ(t.finish(), State::kCancelled);
  EXPECT_EQ(d.all(), "x ");
}

TEST(TextStream, InvalidBytesBecomeReplacementCharacters) {
  Collector c;
  TextStream s({}, c.sink());
  s.push("a\xFF" "b");
  EXPECT_EQ(c.all(), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(s.replaced_bytes(), 1u);
  // A sequence cut short by ordinary text can never complete.
  s.push("\xE2\x82");
  EXPECT_EQ(c.all(), "a\xEF\xBF\xBD" "b");
  s.push("x");
  EXPECT_EQ(c.all(), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBDx");
  // A character still incomplete when generation ends.
  s.push("\xF0\x9F");
  EXPECT_EQ(s.finish(), State::kFinished);
  EXPECT_TRUE(utf8::is_valid(c.all()));
  EXPECT_EQ(s.replaced_bytes(), 5u);
}

TEST(TextStream, RandomSplitsGiveTheSameTextAsOneShot) {
  // Property: however the text is cut into pieces, what comes out is the text up to the first stop
  // string, every run is valid UTF-8, and nothing of the stop string leaks.
  const std::string text =
      "Tr\xC3\xA4ume sind \xF0\x9F\x98\x8A okay. <|im_e nd <|im_end|> never shown \xE2\x9D\xA4";
  const std::string want = "Tr\xC3\xA4ume sind \xF0\x9F\x98\x8A okay. <|im_e nd ";
  Xoshiro256 rng(2024);
  for (int trial = 0; trial < 500; ++trial) {
    Collector c;
    TextStream s({"<|im_end|>", "\nUser:"}, c.sink());
    size_t at = 0;
    while (at < text.size() && s.state() == State::kRunning) {
      size_t len = 1 + static_cast<size_t>(rng.next() % 6);
      s.push(std::string_view(text).substr(at, len));
      at += len;
      ASSERT_EQ(c.all().find("<|im_end|>"), std::string::npos);
    }
    s.finish();
    ASSERT_EQ(c.all(), want) << "trial " << trial;
    ASSERT_EQ(s.state(), State::kStopString);
  }
}

}  // namespace
}  // namespace haven::engine
