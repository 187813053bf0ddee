#include <gtest/gtest.h>

#include "support/process.h"

namespace haven {
namespace {

TEST(CliBasicsTest, HelpListsCommandsAndExitsZero) {
  auto r = test::run_haven({"help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("not therapy"), std::string::npos);
}

TEST(CliBasicsTest, UnknownCommandIsAUsageErrorOnOneLine) {
  auto r = test::run_haven({"no-such-command"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("unknown command 'no-such-command'"), std::string::npos);
}

TEST(CliBasicsTest, UnknownGlobalOptionIsAUsageError) {
  auto r = test::run_haven({"--bogus", "help"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace haven
