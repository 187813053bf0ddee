#include "backend/stream/ndjson_splitter.h"

#include <gtest/gtest.h>

#include <vector>

namespace haven::backend {
namespace {

struct Lines {
  std::vector<std::string> lines;
  Status status;
};

Lines split(std::string_view text, size_t piece, size_t max_line = 1 << 20) {
  NdjsonSplitter splitter(max_line);
  Lines out;
  auto on_line = [&](std::string_view l) {
    out.lines.emplace_back(l);
    return Status::ok();
  };
  for (size_t off = 0; off < text.size(); off += piece) {
    out.status = splitter.feed(text.substr(off, piece), on_line);
    if (!out.status.is_ok()) return out;
  }
  out.status = splitter.finish(on_line);
  return out;
}

TEST(NdjsonSplitterTest, LinesSplitAnywhereComeOutWhole) {
  const std::string text = "{\"a\":\"靈\"}\n{\"b\":2}\r\n\n  \n{\"c\":3}";
  const std::vector<std::string> want = {"{\"a\":\"靈\"}", "{\"b\":2}", "{\"c\":3}"};
  for (size_t piece = 1; piece <= text.size(); ++piece) {
    auto r = split(text, piece);
    ASSERT_TRUE(r.status.is_ok()) << r.status.message();
    EXPECT_EQ(r.lines, want) << "piece " << piece;
  }
}

TEST(NdjsonSplitterTest, OverlongLineIsRefused) {
  auto r = split("0123456789\n", 3, 8);
  EXPECT_EQ(r.status.code(), StatusCode::kOutOfRange);
  EXPECT_EQ(r.status.message(), "expected stream lines under 8 bytes, found a longer one");
}

TEST(NdjsonSplitterTest, InvalidUtf8AndTruncatedCharactersAreCorruption) {
  auto bad = split("{}\n\xC0\xAF\n", 1);
  EXPECT_EQ(bad.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(bad.status.message(), "expected UTF-8 text, found byte 0xC0 at offset 3");
  auto cut = split("{\"a\":\"\xF0\x9F\x98", 2);
  EXPECT_EQ(cut.status.code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace haven::backend
