#include "backend/stream/utf8_stream.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace haven::backend {
namespace {

TEST(Utf8StreamValidatorTest, AgreesWithTheWholeStringCheckAtEverySplit) {
  const std::vector<std::string> samples = {
      "plain", "müde 靈 😊", "\xED\xA0\x80", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "ok\xFF", "\xC2", "a\xF0\x9F\x98\x8A"};
  for (const auto& s : samples) {
    const bool valid = utf8::is_valid(s);
    for (size_t cut = 0; cut <= s.size(); ++cut) {
      Utf8StreamValidator v;
      Status st = v.feed(std::string_view(s).substr(0, cut));
      if (st.is_ok()) st = v.feed(std::string_view(s).substr(cut));
      if (st.is_ok()) st = v.finish();
      EXPECT_EQ(st.is_ok(), valid) << "sample " << s.size() << " bytes, cut " << cut << ": " << st.message();
    }
  }
}

TEST(Utf8StreamValidatorTest, ReportsTheOffsetInTheWholeStream) {
  Utf8StreamValidator v;
  ASSERT_TRUE(v.feed("abc").is_ok());
  ASSERT_TRUE(v.feed("\xE9\x9D").is_ok());
  EXPECT_FALSE(v.at_boundary());
  Status st = v.feed("x");
  EXPECT_EQ(st.message(), "expected UTF-8 text, found byte 0x78 at offset 5");
  EXPECT_EQ(v.feed("abc").message(), st.message());  // sticky
}

}  // namespace
}  // namespace haven::backend
