#include "backend/stream/sse_parser.h"

#include <gtest/gtest.h>

#include <vector>

#include "support/wire_server.h"

namespace haven::backend {
namespace {

struct Collected {
  std::vector<SseEvent> events;
  Status status;
};

// Feeds text in pieces of the given sizes (cycled), then finishes.
Collected parse_in_pieces(std::string_view text, const std::vector<size_t>& sizes,
                          SseParser::Limits limits = {}) {
  SseParser parser(limits);
  Collected c;
  auto on_event = [&](const SseEvent& e) {
    c.events.push_back(e);
    return Status::ok();
  };
  size_t off = 0, i = 0;
  while (off < text.size()) {
    const size_t n = std::min(sizes[i++ % sizes.size()], text.size() - off);
    c.status = parser.feed(text.substr(off, n), on_event);
    if (!c.status.is_ok()) return c;
    off += n;
  }
  c.status = parser.finish(on_event);
  return c;
}

std::vector<std::string> data_of(const Collected& c) {
  std::vector<std::string> out;
  for (const auto& e : c.events) out.push_back(e.data);
  return out;
}

TEST(SseParserTest, RecordedLlamaServerStreamGivesOneEventPerDataLine) {
  const auto rec = test::load_recorded("chat-stream");
  ASSERT_FALSE(rec.body.empty()) << "recorded traffic missing";
  auto c = parse_in_pieces(rec.body, {rec.body.size()});
  ASSERT_TRUE(c.status.is_ok()) << c.status.message();
  ASSERT_EQ(c.events.size(), 15u);
  EXPECT_EQ(c.events.back().data, "[DONE]");
  EXPECT_EQ(c.events.front().type, "message");
  EXPECT_NE(c.events[1].data.find("\"content\":\"蹿\""), std::string::npos);
}

TEST(SseParserTest, EverySplitPointGivesTheSameEvents) {
  const auto rec = test::load_recorded("chat-stream-usage");
  const auto whole = data_of(parse_in_pieces(rec.body, {rec.body.size()}));
  ASSERT_EQ(whole.size(), 9u);
  for (size_t cut = 1; cut < rec.body.size(); cut += 7) {
    auto c = parse_in_pieces(rec.body, {cut, rec.body.size()});
    ASSERT_TRUE(c.status.is_ok()) << "cut at " << cut << ": " << c.status.message();
    ASSERT_EQ(data_of(c), whole) << "cut at " << cut;
  }
  auto bytewise = parse_in_pieces(rec.body, {1});
  ASSERT_TRUE(bytewise.status.is_ok()) << bytewise.status.message();
  EXPECT_EQ(data_of(bytewise), whole);
}

TEST(SseParserTest, AcceptsCrLfAndCrLineEndingsEvenWhenCrLfIsSplit) {
  const std::string crlf = "data: a\r\n\r\ndata: b\r\n\r\n";
  const std::string cr = "data: a\r\rdata: b\r\r";
  for (const std::string& text : {crlf, cr}) {
    for (size_t cut = 1; cut < text.size(); ++cut) {
      auto c = parse_in_pieces(text, {cut, text.size()});
      ASSERT_TRUE(c.status.is_ok());
      EXPECT_EQ(data_of(c), (std::vector<std::string>{"a", "b"})) << "cut at " << cut;
    }
  }
}

TEST(SseParserTest, JoinsMultiLineDataAndSkipsCommentsAndUnknownFields) {
  auto c = parse_in_pieces(": keep-alive\nretry: 100\nfoo: bar\nevent: delta\nid: 7\ndata: line one\n"
                           "data:line two\ndata\n\n",
                           {3});
  ASSERT_TRUE(c.status.is_ok());
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "line one\nline two\n");
  EXPECT_EQ(c.events[0].type, "delta");
  EXPECT_EQ(c.events[0].id, "7");
}

TEST(SseParserTest, CommentsAloneDispatchNothing) {
  auto c = parse_in_pieces(": ping\n\n: ping\n\n", {1});
  ASSERT_TRUE(c.status.is_ok());
  EXPECT_TRUE(c.events.empty());
}

TEST(SseParserTest, StripsALeadingByteOrderMark) {
  auto c = parse_in_pieces("\xEF\xBB\xBF" "data: x\n\n", {1});
  ASSERT_TRUE(c.status.is_ok());
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].data, "x");
}

TEST(SseParserTest, DeliversALastEventWhoseBlankLineNeverCame) {
  auto c = parse_in_pieces("data: one\n\ndata: [DONE]", {4});
  ASSERT_TRUE(c.status.is_ok());
  EXPECT_EQ(data_of(c), (std::vector<std::string>{"one", "[DONE]"}));
}

TEST(SseParserTest, MultiByteCharactersSplitAcrossPiecesSurvive) {
  const std::string text = "data: 靈😊ü\n\n";
  for (size_t cut = 1; cut < text.size(); ++cut) {
    auto c = parse_in_pieces(text, {cut, 1});
    ASSERT_TRUE(c.status.is_ok()) << c.status.message();
    ASSERT_EQ(c.events.size(), 1u);
    EXPECT_EQ(c.events[0].data, "靈😊ü");
  }
}

TEST(SseParserTest, InvalidUtf8IsAOneLineErrorWithItsOffset) {
  auto c = parse_in_pieces("data: ok\n\ndata: \xFF\n\n", {1});
  EXPECT_EQ(c.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(c.status.message(), "expected UTF-8 text, found byte 0xFF at offset 16");
  EXPECT_EQ(c.events.size(), 1u);
}

TEST(SseParserTest, StreamEndingInsideACharacterIsCorruption) {
  auto c = parse_in_pieces("data: \xE9\x9D", {100});
  EXPECT_EQ(c.status.code(), StatusCode::kCorruption);
  EXPECT_NE(c.status.message().find("end of the stream"), std::string::npos);
}

TEST(SseParserTest, OverlongLinesAndEventsAreRefused) {
  SseParser::Limits limits;
  limits.max_line_bytes = 16;
  limits.max_event_bytes = 20;
  auto line = parse_in_pieces("data: 0123456789abcdef\n\n", {5}, limits);
  EXPECT_EQ(line.status.code(), StatusCode::kOutOfRange);
  EXPECT_EQ(line.status.message(), "expected stream lines under 16 bytes, found a longer one");
  auto event = parse_in_pieces("data: 0123456789\ndata: 0123456789\n\n", {100}, limits);
  EXPECT_EQ(event.status.code(), StatusCode::kOutOfRange);
  EXPECT_TRUE(event.events.empty());
}

TEST(SseParserTest, AHandlerErrorStopsParsingAndSticks) {
  SseParser parser;
  int calls = 0;
  auto on_event = [&](const SseEvent&) {
    ++calls;
    return corruption("expected X, found Y");
  };
  EXPECT_EQ(parser.feed("data: a\n\ndata: b\n\n", on_event).message(), "expected X, found Y");
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(parser.feed("data: c\n\n", on_event).is_ok());
  EXPECT_FALSE(parser.finish(on_event).is_ok());
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace haven::backend
