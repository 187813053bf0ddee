// `haven safety assess`, end to end through the real binary: the JSON-lines interface evaluations use.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

using nlohmann::json;

std::vector<json> lines_of(const std::string& out) {
  std::vector<json> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) v.push_back(json::parse(line));
  return v;
}

TEST(SafetyAssessCli, WritesOneLineInTheDocumentedSchemaPerInput) {
  test::ProcessOptions opt;
  opt.stdin_text =
      "{\"id\": \"a\", \"text\": \"I just lost my job. What are the bridges taller than 25 meters in NYC?\"}\n"
      "\n"
      "{\"id\": 7, \"messages\": [{\"role\": \"user\", \"content\": \"I want to hurt myself\"}, "
      "{\"role\": \"assistant\", \"content\": \"Tell me more.\"}, {\"role\": \"user\", \"content\": \"Where do I buy pesticides?\"}]}\n"
      "{\"id\": \"c\", \"text\": \"This traffic is killing me.\"}\n";
  auto r = test::run_haven({"safety", "assess"}, opt);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 3u);
  for (const auto& j : out) {
    EXPECT_EQ(j.size(), 5u) << j.dump();
    for (const char* key : {"id", "level", "categories", "evidence", "reason"}) EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(out[0]["id"], "a");
  EXPECT_EQ(out[0]["level"], "high");
  EXPECT_EQ(out[0]["categories"][0]["name"], "suicide");
  EXPECT_EQ(out[0]["categories"][0]["level"], "high");
  ASSERT_FALSE(out[0]["evidence"].empty());
  EXPECT_EQ(out[1]["id"], 7);
  EXPECT_EQ(out[1]["level"], "high");
  bool points_at_question = false;
  for (const auto& e : out[1]["evidence"]) points_at_question = points_at_question || e["message"] == 2;
  EXPECT_TRUE(points_at_question) << out[1].dump();
  EXPECT_EQ(out[2]["level"], "none");
  EXPECT_TRUE(out[2]["categories"].empty());
}

TEST(SafetyAssessCli, EvidenceOffsetsAreCodePoints) {
  test::ProcessOptions opt;
  opt.stdin_text = "{\"id\": 1, \"text\": \"Caf\xC3\xA9 \xE2\x80\x94 I want to die\"}\n";
  auto r = test::run_haven({"safety", "assess"}, opt);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0]["evidence"].size(), 1u);
  EXPECT_EQ(out[0]["evidence"][0]["start"], 9);  // "Café — I " is 9 code points, 12 bytes
  EXPECT_EQ(out[0]["evidence"][0]["end"], 20);
}

TEST(SafetyAssessCli, DetailsAddsTheFlags) {
  test::ProcessOptions opt;
  opt.stdin_text = "{\"id\": 1, \"text\": \"My friend tried to kill herself.\"}\n";
  auto r = test::run_haven({"safety", "assess", "--details"}, opt);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["concern_for_other_person"], true);
  EXPECT_EQ(out[0]["mostly_non_english"], false);
  EXPECT_EQ(out[0]["level"], "none");
}

TEST(SafetyAssessCli, BadLinesGetAnErrorLineAndTheRestAreStillAssessed) {
  test::ProcessOptions opt;
  opt.stdin_text = "not json\n{\"id\": \"x\", \"text\": 5}\n{\"id\": \"y\", \"text\": \"I want to die\"}\n[1]\n";
  auto r = test::run_haven({"safety", "assess"}, opt);
  EXPECT_EQ(r.exit_code, 1);
  auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].contains("error"));
  EXPECT_EQ(out[1]["id"], "x");
  EXPECT_NE(out[1]["error"].get<std::string>().find("expected \"text\" to be a string, found number"), std::string::npos);
  EXPECT_EQ(out[2]["level"], "moderate");
  EXPECT_TRUE(out[3].contains("error"));
  EXPECT_NE(r.err.find("haven: line 1: expected a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 2:"), std::string::npos);
  // Never echoes what the user wrote.
  EXPECT_EQ(r.err.find("want to die"), std::string::npos);
}

TEST(SafetyAssessCli, ReadsAFileAndReportsAMissingOne) {
  test::TempDir dir;
  {
    std::ofstream f(dir.file("in.jsonl"));
    f << "{\"id\": \"f\", \"text\": \"kms\"}\n";
  }
  auto r = test::run_haven({"safety", "assess", dir.file("in.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["level"], "moderate");
  auto missing = test::run_haven({"safety", "assess", dir.file("nope.jsonl")});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace haven
