#include "engine/dev/model_maker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/gguf/gguf_reader.h"
#include "engine/gguf/gguf_writer.h"
#include "engine/gguf/model_summary.h"
#include "engine/tensor/kernels.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace haven::engine {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, int> type_counts(FileType ft, const LlamaHparams& hp, uint64_t* params = nullptr) {
  std::map<std::string, int> counts;
  if (params) *params = 0;
  for (const TensorSpec& s : llama_tensor_specs(hp)) {
    ++counts[ggml_type_name(llama_cpp_tensor_type(ft, s, hp))];
    uint64_t n = 1;
    for (uint64_t d : s.dims) n *= d;
    if (params) *params += n;
  }
  return counts;
}

// The per-tensor types llama-quantize picked for the real Qwen2.5-0.5B and Llama-3.2-1B shapes
// (shared/anchors/llama-cpp-cpu.md).
TEST(ModelMakerTest, TensorTypesFollowLlamaCppForTheAnchorModels) {
  LlamaHparams qwen = model_preset("qwen2.5-0.5b").value();
  uint64_t params = 0;
  auto q4km = type_counts(FileType::kQ4_K_M, qwen, &params);
  EXPECT_EQ(params, 494032768u);
  EXPECT_EQ(q4km["q5_0"], 132);
  EXPECT_EQ(q4km["q4_K"], 12);
  EXPECT_EQ(q4km["q6_K"], 12);
  EXPECT_EQ(q4km["q8_0"], 13);
  auto q6k = type_counts(FileType::kQ6_K, qwen);
  EXPECT_EQ(q6k["q8_0"], 145);
  EXPECT_EQ(q6k["q6_K"], 24);
  auto q40 = type_counts(FileType::kQ4_0, qwen);
  EXPECT_EQ(q40["q8_0"], 1);
  EXPECT_EQ(q40["q4_0"], 168);

  LlamaHparams llama = model_preset("llama3.2-1b").value();
  auto l4km = type_counts(FileType::kQ4_K_M, llama, &params);
  EXPECT_EQ(params, 1235814400u + 32u);  // + the 32 llama3 rope factors the model card does not count
  EXPECT_EQ(l4km["q4_K"], 96);
  EXPECT_EQ(l4km["q6_K"], 17);
  auto l40 = type_counts(FileType::kQ4_0, llama);
  EXPECT_EQ(l40["q6_K"], 1);
  EXPECT_EQ(l40["q4_0"], 112);
  EXPECT_EQ(type_counts(FileType::kF16, llama)["f16"], 113);
}

// Against files llama-quantize wrote: every tensor of the tiny-qwen2 quantized models has the type our
// rules give it.
TEST(ModelMakerTest, TensorTypesMatchLlamaQuantizeOutput) {
  const std::string dir = test::testdata_dir() + "/models/";
  const std::pair<const char*, FileType> files[] = {{"tiny-qwen2-q8_0.gguf", FileType::kQ8_0},
                                                    {"tiny-qwen2-q4_0.gguf", FileType::kQ4_0},
                                                    {"tiny-qwen2-q4_k_m.gguf", FileType::kQ4_K_M},
                                                    {"tiny-qwen2-q6_k.gguf", FileType::kQ6_K},
                                                    {"tiny-qwen2-f16.gguf", FileType::kF16},
                                                    {"tiny-qwen2-f32.gguf", FileType::kF32}};
  for (const auto& [name, ft] : files) {
    auto f = GgufFile::open(dir + name);
    ASSERT_TRUE(f.is_ok()) << name;
    auto hp = read_llama_hparams(**f);
    ASSERT_TRUE(hp.is_ok()) << name << ": " << hp.status().message();
    EXPECT_FALSE(hp->tied_embeddings);
    EXPECT_TRUE(hp->qkv_bias);
    ASSERT_TRUE(check_llama_tensors(**f, *hp).is_ok()) << name;
    EXPECT_EQ((*f)->get_u32("general.file_type").value(), static_cast<uint32_t>(ft)) << name;
    int checked = 0;
    for (const TensorSpec& s : llama_tensor_specs(*hp)) {
      const GgufTensorInfo* t = (*f)->find_tensor(s.name);
      ASSERT_NE(t, nullptr) << s.name;
      EXPECT_EQ(ggml_type_name(t->type), ggml_type_name(llama_cpp_tensor_type(ft, s, *hp))) << name << " " << s.name;
      ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>((*f)->tensors().size())) << name;
  }
}

TEST(ModelMakerTest, WritesEveryTypeAsAValidDeterministicModel) {
  test::TempDir dir;
  for (const char* type : {"f32", "f16", "q8_0", "q4_0", "q4_k_m", "q5_k_m", "q6_k"}) {
    for (Arch arch : {Arch::kLlama, Arch::kQwen2}) {
      MakeModelOptions o;
      o.hp = model_preset("tiny").value();
      o.hp.arch = arch;
      o.hp.qkv_bias = arch == Arch::kQwen2;
      o.file_type = parse_file_type(type).value();
      o.seed = 5;
      o.out_path = dir.file(std::string(type) + arch_name(arch) + ".gguf");
      auto made = make_model(o);
      ASSERT_TRUE(made.is_ok()) << type << ": " << made.status().message();
      auto f = GgufFile::open(o.out_path);
      ASSERT_TRUE(f.is_ok()) << type << ": " << f.status().message();
      EXPECT_EQ((*f)->file_size(), made->file_size);
      EXPECT_LT(made->file_size, 5.1 * 1000 * 1000);  // the tiny preset stays test-sized even in F32
      auto summary = summarize_model(**f);
      ASSERT_TRUE(summary.is_ok()) << type << ": " << summary.status().message();
      EXPECT_TRUE(summary->runnable) << summary->not_runnable_reason;
      EXPECT_EQ(summary->architecture, arch_name(arch));
      EXPECT_EQ(summary->parameters, made->parameters);
      EXPECT_TRUE(summary->has_chat_template);
      auto hp = read_llama_hparams(**f);
      ASSERT_TRUE(hp.is_ok()) << hp.status().message();
      EXPECT_EQ(hp->n_embd, 256u);
      EXPECT_EQ(hp->qkv_bias, arch == Arch::kQwen2);
      for (const GgufTensorInfo& t : (*f)->tensors()) {
        const TensorSpec* spec = nullptr;
        auto specs = llama_tensor_specs(*hp);
        for (const auto& s : specs) {
          if (s.name == t.name) spec = &s;
        }
        ASSERT_NE(spec, nullptr) << t.name;
        EXPECT_EQ(t.type, llama_cpp_tensor_type(o.file_type, *spec, *hp)) << type << " " << t.name;
        // Values are finite and of the intended size.
        std::vector<float> v(t.n_elements);
        kernels(t.type).dequantize(t.data, v.data(), static_cast<int64_t>(t.n_elements));
        double sq = 0;
        for (float x : v) {
          ASSERT_TRUE(std::isfinite(x)) << t.name;
          sq += static_cast<double>(x) * x;
        }
        const double rms = std::sqrt(sq / static_cast<double>(v.size()));
        if (t.name == "token_embd.weight") {
          EXPECT_NEAR(rms, 0.5, 0.2) << type << " " << t.name;
        }
        if (t.name.find("norm") != std::string::npos) {
          EXPECT_NEAR(rms, 1.0, 0.1) << t.name;
        }
      }
      // The same seed gives the same bytes; another seed other weights.
      const std::string first = read_all(o.out_path);
      ASSERT_TRUE(make_model(o).is_ok());
      EXPECT_TRUE(read_all(o.out_path) == first) << type;
      o.seed = 6;
      ASSERT_TRUE(make_model(o).is_ok());
      EXPECT_FALSE(read_all(o.out_path) == first) << type;
    }
  }
}

TEST(ModelMakerTest, CopiesTheTokenizerFromAVocabularyFile) {
  test::TempDir dir;
  const std::string vocab_path = test::testdata_dir() + "/tokenizer/ggml-vocab-llama-spm.gguf";
  MakeModelOptions o;
  o.hp = model_preset("tiny").value();
  o.file_type = FileType::kQ8_0;
  o.vocab_path = vocab_path;
  o.out_path = dir.file("m.gguf");
  auto made = make_model(o);
  ASSERT_TRUE(made.is_ok()) << made.status().message();
  EXPECT_EQ(made->n_vocab, 32000u);
  auto f = GgufFile::open(o.out_path);
  auto v = GgufFile::open(vocab_path);
  ASSERT_TRUE(f.is_ok() && v.is_ok());
  int copied = 0;
  for (const GgufMetadataEntry& e : (*v)->metadata()) {
    if (e.key.substr(0, 10) != "tokenizer.") continue;
    const GgufMetadataEntry* m = (*f)->find(e.key);
    ASSERT_NE(m, nullptr) << e.key;
    EXPECT_EQ(m->type, e.type);
    ASSERT_EQ(m->payload_size, e.payload_size) << e.key;
    EXPECT_EQ(std::memcmp(m->payload, e.payload, e.payload_size), 0) << e.key;
    ++copied;
  }
  EXPECT_GE(copied, 5);
  EXPECT_EQ((*f)->find_tensor("token_embd.weight")->dims, (std::vector<uint64_t>{256, 32000}));
  EXPECT_EQ((*f)->get_u32("general.file_type").value(), 7u);
  EXPECT_EQ((*f)->get_u32("general.quantization_version").value(), 2u);
}

TEST(ModelMakerTest, RejectsBadShapesAndVocabularies) {
  test::TempDir dir;
  MakeModelOptions o;
  o.hp = model_preset("tiny").value();
  o.out_path = dir.file("m.gguf");
  o.hp.n_head_kv = 3;
  EXPECT_EQ(make_model(o).status().code(), StatusCode::kInvalidArgument);
  o.hp = model_preset("tiny").value();
  o.vocab_path = test::testdata_dir() + "/models/README.md";
  auto r = make_model(o);
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("README.md: expected a GGUF file"), std::string::npos) << r.status().message();
  EXPECT_FALSE(std::ifstream(o.out_path).good());
  EXPECT_EQ(parse_file_type("q3_k_s").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(model_preset("gpt-5").status().code(), StatusCode::kInvalidArgument);
}

// A llama/qwen2 file with a tensor of the wrong shape, or of an architecture we do not run, is refused
// with a message naming it.
TEST(ModelMakerTest, SummaryChecksShapesAndArchitecture) {
  auto f = GgufFile::open(test::testdata_dir() + "/models/tiny-qwen2-q8_0.gguf");
  ASSERT_TRUE(f.is_ok());
  GgufWriter w;
  for (const auto& e : (*f)->metadata()) w.copy_entry(e);
  for (const auto& t : (*f)->tensors()) {
    std::vector<uint64_t> dims = t.dims;
    if (t.name == "blk.1.attn_q.weight") dims[1] = 128;
    ASSERT_TRUE(w.add_tensor(t.name, dims, t.type, t.data).is_ok());
  }
  auto bad = GgufFile::parse(w.serialize());
  ASSERT_TRUE(bad.is_ok()) << bad.status().message();
  auto s = summarize_model(**bad);
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(s.status().message(), "tensor 'blk.1.attn_q.weight': expected 256x256, found 256x128");

  w.set_string("general.architecture", "mamba");
  auto other = GgufFile::parse(w.serialize());
  ASSERT_TRUE(other.is_ok());
  s = summarize_model(**other);
  EXPECT_EQ(s.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(s.status().message().find("unsupported architecture 'mamba'"), std::string::npos) << s.status().message();
}

}  // namespace
}  // namespace haven::engine
