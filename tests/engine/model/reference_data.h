// The llama.cpp reference outputs in shared/testdata/models (*.ref.json), read for the model tests and
// the `haven run` end-to-end tests. See shared/testdata/models/README.md for the format and the gate.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.h"

namespace haven::test {

struct RefTop {
  int32_t id = 0;
  float logit = 0;
};

struct RefStep {
  int32_t id = 0;
  float logit = 0;
  float margin = 0;  // top-1 minus top-2 logit at this step
};

struct ModelReference {
  std::string name;        // "tiny-qwen2-f32"
  std::string model_path;  // .gguf
  std::string prompt;
  uint32_t n_vocab = 0;
  std::vector<int32_t> prompt_tokens;
  std::vector<std::vector<RefTop>> prompt_top;  // per prompt position, 5 entries
  std::vector<RefStep> greedy;                  // 16 steps
  float tolerance = 0;                          // the gate's logit tolerance for this model's type

  // Number of leading greedy steps that must match: up to the first step whose margin is below the
  // tolerance (that step itself may go either way).
  size_t greedy_steps_to_match() const {
    size_t i = 0;
    while (i < greedy.size() && greedy[i].margin >= tolerance) ++i;
    return i;
  }
};

inline const std::vector<std::string>& reference_model_names() {
  static const std::vector<std::string> names = {
      "tiny-qwen2-f32",  "tiny-qwen2-f16",   "tiny-qwen2-q8_0",    "tiny-qwen2-q4_0",
      "tiny-qwen2-q4_k_m", "tiny-qwen2-q6_k", "tiny-llama-spm-f32",
  };
  return names;
}

inline float tolerance_for(const std::string& name) {
  if (name.size() >= 4 && name.compare(name.size() - 4, 4, "-f32") == 0) return 1e-3f;
  if (name.size() >= 4 && name.compare(name.size() - 4, 4, "-f16") == 0) return 1e-2f;
  return 0.5f;
}

inline ModelReference load_reference(const std::string& name) {
  const std::string dir = testdata_dir() + "/models/";
  ModelReference r;
  r.name = name;
  r.model_path = dir + name + ".gguf";
  r.tolerance = tolerance_for(name);
  std::ifstream in(dir + name + ".ref.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(ss.str());
  r.prompt = j.at("prompt").get<std::string>();
  r.n_vocab = j.at("n_vocab").get<uint32_t>();
  r.prompt_tokens = j.at("prompt_tokens").get<std::vector<int32_t>>();
  for (const auto& pos : j.at("prompt_top")) {
    std::vector<RefTop> top;
    for (const auto& e : pos) top.push_back({e.at("id").get<int32_t>(), e.at("logit").get<float>()});
    r.prompt_top.push_back(std::move(top));
  }
  for (const auto& s : j.at("greedy")) {
    r.greedy.push_back({s.at("id").get<int32_t>(), s.at("logit").get<float>(), s.at("margin_to_2nd").get<float>()});
  }
  return r;
}

// The full logits of every prompt position of tiny-qwen2-f32 (13 x 421 float32, little-endian).
inline std::vector<float> load_full_prompt_logits_qwen2_f32() {
  std::ifstream in(testdata_dir() + "/models/tiny-qwen2-f32.prompt-logits.f32", std::ios::binary);
  std::vector<float> v(13 * 421);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
  if (!in) v.clear();
  return v;
}

}  // namespace haven::test
