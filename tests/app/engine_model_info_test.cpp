// `haven model info` and `haven dev make-model`, run as the real binary on real files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.h"
#include "support/temp_dir.h"

namespace haven {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_all(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(EngineModelInfoTest, DescribesEveryTestFile) {
  int n = 0;
  for (const char* sub : {"/models", "/tokenizer"}) {
    for (const auto& e : std::filesystem::directory_iterator(test::testdata_dir() + sub)) {
      if (e.path().extension() != ".gguf") continue;
      ++n;
      auto r = test::run_haven({"model", "info", e.path().string()});
      ASSERT_EQ(r.exit_code, 0) << e.path() << ": " << r.err;
      EXPECT_NE(r.out.find("format          GGUF v3"), std::string::npos) << r.out;
      const bool has_template = e.path().filename() == "ggml-vocab-phi-3.gguf";  // the only one with a template
      EXPECT_NE(r.out.find(has_template ? "chat template   present" : "chat template   absent"), std::string::npos)
          << e.path() << r.out;
      const bool vocab_only = std::string(sub) == "/tokenizer";
      EXPECT_EQ(r.out.find("runs in Haven   yes") != std::string::npos, !vocab_only) << r.out;
    }
  }
  EXPECT_EQ(n, 12);
}

TEST(EngineModelInfoTest, ReportsTypesShapeAndTokenizer) {
  auto r = test::run_haven({"model", "info", test::testdata_dir() + "/models/tiny-qwen2-q4_k_m.gguf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("architecture    qwen2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("file type       Q4_K_M\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("size            874,816 bytes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("shape           256 wide, 2 layers, 4 heads (2 KV), feed-forward 512\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tokenizer       421 tokens, gpt2 (pre-tokenizer qwen2)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tensors         27 (13 q4_K, 11 f32, 3 q6_K)\n"), std::string::npos) << r.out;

  r = test::run_haven({"model", "info", test::testdata_dir() + "/tokenizer/ggml-vocab-llama-bpe.gguf", "--metadata"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("128,256 tokens, gpt2 (pre-tokenizer llama-bpe)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tokenizer.ggml.merges"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[280,147 x string]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tokenizer.ggml.bos_token_id                  u32     128000"), std::string::npos) << r.out;
}

TEST(EngineModelInfoTest, ListsTensorsAndSpeaksJson) {
  const std::string path = test::testdata_dir() + "/models/tiny-llama-spm-f32.gguf";
  auto r = test::run_haven({"model", "info", path, "--tensors"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("blk.1.ffn_down.weight"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("token_embd.weight                f32    64x32000"), std::string::npos) << r.out;
  r = test::run_haven({"--json", "model", "info", path, "--tensors"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["architecture"], "llama");
  EXPECT_EQ(j["vocab_size"], 32000);
  EXPECT_EQ(j["file_size"], 9311840);
  EXPECT_EQ(j["tensor_count"], 20);
  EXPECT_EQ(j["tensor_types"]["f32"], 20);
  EXPECT_EQ(j["runnable"], true);
  EXPECT_EQ(j["tensors"].size(), 20u);
  uint64_t params = 0;
  for (const auto& t : j["tensors"]) {
    uint64_t n = 1;
    for (const auto& d : t["dims"]) n *= d.get<uint64_t>();
    params += n;
  }
  EXPECT_EQ(j["parameters"], params);
}

TEST(EngineModelInfoTest, BadFilesGiveOneLineAndANonZeroExit) {
  test::TempDir dir;
  const std::string good = read_all(test::testdata_dir() + "/models/tiny-qwen2-q4_0.gguf");
  struct Case {
    std::string name, bytes, fragment;
  };
  std::string unknown_type = good;
  // The first tensor info's type field: find "token_embd.weight" after the metadata.
  size_t at = unknown_type.find("token_embd.weight");
  ASSERT_NE(at, std::string::npos);
  size_t type_pos = at + 17 + 4 + 2 * 8;  // name, n_dims, 2 dims
  unknown_type[type_pos] = 31;
  std::string offset_past_end = good;
  offset_past_end[type_pos + 4 + 6] = 0x7f;  // the high bytes of the offset
  std::string huge_count = good;
  huge_count[23] = 0x40;  // n_kv's top byte
  const Case cases[] = {
      {"text.gguf", "this is not a model\n", "expected a GGUF file (magic 'GGUF'), found 'this'"},
      {"half.gguf", good.substr(0, good.size() / 2), "file ends at byte"},
      {"tiny.gguf", good.substr(0, 10), "file ends at byte 10 inside the header"},
      {"type.gguf", unknown_type, "unknown tensor type 31"},
      {"offset.gguf", offset_past_end, "inside its data"},
      {"count.gguf", huge_count, "metadata entries the header announces"},
  };
  for (const Case& c : cases) {
    write_all(dir.file(c.name), c.bytes);
    auto r = test::run_haven({"model", "info", dir.file(c.name)});
    EXPECT_NE(r.exit_code, 0) << c.name;
    EXPECT_LT(r.exit_code, 128) << c.name << " crashed";
    EXPECT_EQ(lines(r.err), 1) << c.name << ": " << r.err;
    EXPECT_EQ(r.err.rfind("haven: " + dir.file(c.name) + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.fragment), std::string::npos) << c.name << ": " << r.err;
    EXPECT_EQ(r.out, "") << c.name;
  }
  auto r = test::run_haven({"model", "info", dir.file("missing.gguf")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines(r.err), 1) << r.err;
  r = test::run_haven({"model", "info"});
  EXPECT_EQ(r.exit_code, 2);
  r = test::run_haven({"model", "frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(EngineMakeModelTest, MakesAModelThatModelInfoDescribes) {
  test::TempDir dir;
  const std::string out = dir.file("m.gguf");
  auto r = test::run_haven({"dev", "make-model", "--preset", "tiny", "--arch", "qwen2", "--type", "q4_k_m",
                            "--seed", "3", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote " + out + ": qwen2, q4_k_m"), std::string::npos) << r.out;
  const std::string first = read_all(out);
  auto info = test::run_haven({"--json", "model", "info", out});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  auto j = nlohmann::json::parse(info.out);
  EXPECT_EQ(j["architecture"], "qwen2");
  EXPECT_EQ(j["file_type"], "Q4_K_M");
  EXPECT_EQ(j["embedding_length"], 256);
  EXPECT_EQ(j["chat_template"], true);
  EXPECT_EQ(j["runnable"], true);
  EXPECT_GT(j["tensor_types"]["q4_K"].get<int>(), 0);
  EXPECT_EQ(j["file_size"], first.size());
  // deterministic from the seed
  ASSERT_EQ(test::run_haven({"dev", "make-model", "--arch", "qwen2", "--type", "q4_k_m", "--seed", "3", "--out", out})
                .exit_code, 0);
  EXPECT_TRUE(read_all(out) == first);

  r = test::run_haven({"dev", "make-model", "--type", "q8_0", "--dim", "128", "--layers", "1", "--heads", "2",
                       "--kv-heads", "1", "--ffn", "256", "--vocab", test::testdata_dir() + "/tokenizer/ggml-vocab-phi-3.gguf",
                       "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  info = test::run_haven({"--json", "model", "info", out});
  j = nlohmann::json::parse(info.out);
  EXPECT_EQ(j["embedding_length"], 128);
  EXPECT_EQ(j["block_count"], 1);
  EXPECT_EQ(j["vocab_size"], 32064);
  EXPECT_EQ(j["tokenizer_model"], "llama");
}

TEST(EngineMakeModelTest, BadOptionsAreUsageErrors) {
  test::TempDir dir;
  const std::vector<std::vector<std::string>> bad = {
      {"dev", "make-model"},
      {"dev", "make-model", "--out", dir.file("x"), "--type", "q2_k"},
      {"dev", "make-model", "--out", dir.file("x"), "--preset", "gpt-9"},
      {"dev", "make-model", "--out", dir.file("x"), "--arch", "mamba"},
      {"dev", "make-model", "--out", dir.file("x"), "--dim", "12x"},
      {"dev", "make-model", "--out", dir.file("x"), "--heads", "3"},
      {"dev", "make-model", "--out", dir.file("x"), "--kv-heads", "3"},
      {"dev", "make-model", "--out", dir.file("x"), "--bogus"},
      {"dev", "make-model", "--out", dir.file("x"), "--preset", "llama3.2-1b", "--arch", "qwen2"},
      {"dev"},
      {"dev", "make-toast"},
  };
  for (const auto& args : bad) {
    auto r = test::run_haven(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
    EXPECT_EQ(lines(r.err), 1) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("x")));
  auto r = test::run_haven({"dev", "make-model", "--out", dir.file("no/such/dir/x.gguf")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(lines(r.err), 1) << r.err;
}

}  // namespace
}  // namespace haven
