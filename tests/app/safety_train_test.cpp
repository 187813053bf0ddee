// `haven safety train-ideation --model context|means-question`: the generated table is one file per network
// plus one with the ensemble's header and the list of pieces, and the options it takes are checked.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Small labelled lines in the trainers' format: a word pair in order means 1.
void write_texts(const std::string& path, int count, int seed) {
  std::ofstream f(path);
  for (int i = 0; i < count; ++i) {
    const bool positive = (i + seed) % 2 == 0;
    f << "{\"id\": \"t" << i << "\", \"label\": " << (positive ? 1 : 0) << ", \"kind\": \"k\", \"text\": \""
      << (positive ? "the long day ended and alpha omega came home" : "the long day ended and omega alpha came home")
      << " number " << i << "\"}\n";
  }
}

TEST(SafetyTrainCli, AnEnsembleIsWrittenOneFilePerNetwork) {
  test::TempDir dir;
  write_texts(dir.file("train.jsonl"), 40, 0);
  write_texts(dir.file("valid.jsonl"), 20, 1);
  auto r = test::run_haven({"safety", "train-ideation", "--model", "context", "--members", "2", "--seed", "7",
                            "--validation", dir.file("valid.jsonl"), "--out", dir.file("table.cpp"),
                            dir.file("train.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 networks"), std::string::npos) << r.out;
  const std::string main = read_all(dir.file("table.cpp"));
  EXPECT_NE(main.find("kContextModelPieces[]"), std::string::npos);
  EXPECT_NE(main.find("kContextModelHeader"), std::string::npos);
  EXPECT_NE(main.find("kContextModelMember1"), std::string::npos);
  EXPECT_NE(main.find("2 networks from seed 7"), std::string::npos);
  for (const char* member : {"table_member0.cpp", "table_member1.cpp"}) {
    const std::string text = read_all(dir.file(member));
    EXPECT_GT(text.size(), 1000000u) << member;  // a network's table: about 1.9 MB of base64
    EXPECT_NE(text.find("nullptr"), std::string::npos) << member;
  }
  EXPECT_FALSE(std::ifstream(dir.file("table_member2.cpp")).good());
}

TEST(SafetyTrainCli, RefusesOptionsThatDoNotApply) {
  test::TempDir dir;
  write_texts(dir.file("train.jsonl"), 10, 0);
  auto negatives = test::run_haven({"safety", "train-ideation", "--model", "context", "--negatives-from",
                                    dir.file("train.jsonl"), "--validation", dir.file("train.jsonl"),
                                    dir.file("train.jsonl")});
  EXPECT_NE(negatives.exit_code, 0);
  EXPECT_NE(negatives.err.find("--negatives-from only with --model means-question"), std::string::npos)
      << negatives.err;
  auto seed = test::run_haven({"safety", "train-ideation", "--model", "ideation", "--seed", "3", "--validation",
                               dir.file("train.jsonl"), dir.file("train.jsonl")});
  EXPECT_NE(seed.exit_code, 0);
  EXPECT_NE(seed.err.find("--seed and --members only with --model context"), std::string::npos) << seed.err;
  auto members = test::run_haven({"safety", "train-ideation", "--model", "context", "--members", "0",
                                  "--validation", dir.file("train.jsonl"), dir.file("train.jsonl")});
  EXPECT_NE(members.exit_code, 0);
  EXPECT_NE(members.err.find("expected --members to be a number from 1 to 16, found '0'"), std::string::npos)
      << members.err;
  auto empty = test::run_haven({"safety", "train-ideation", "--model", "means-question", "--negatives-from", ",",
                                "--validation", dir.file("train.jsonl"), dir.file("train.jsonl")});
  EXPECT_NE(empty.exit_code, 0);
  EXPECT_NE(empty.err.find("found no file name"), std::string::npos) << empty.err;
}

}  // namespace
}  // namespace haven
