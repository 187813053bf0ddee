#include "core/status.h"

#include <gtest/gtest.h>

namespace haven {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return invalid_argument("expected a positive number, found " + std::to_string(v));
  return v;
}

Result<int> doubled(int v) {
  HAVEN_ASSIGN_OR_RETURN(int x, parse_positive(v));
  return 2 * x;
}

TEST(StatusTest, OkByDefaultAndCarriesCodeAndMessage) {
  EXPECT_TRUE(Status().is_ok());
  Status s = corruption("page 3: tag does not match");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.with_context("vault").message(), "vault: page 3: tag does not match");
  EXPECT_EQ(s.with_context("vault").code(), StatusCode::kCorruption);
}

TEST(StatusTest, ResultPropagatesThroughAssignOrReturn) {
  auto ok = doubled(4);
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok.value(), 8);
  auto bad = doubled(-1);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "expected a positive number, found -1");
}

}  // namespace
}  // namespace haven
