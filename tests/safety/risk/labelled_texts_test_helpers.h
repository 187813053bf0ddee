// Shared by the tests that read the learned readers' labelled text files (tests/safety/data):
// {"id", "label": 0|1, "kind", "text"} lines.
#pragma once

#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "safety/risk/ideation_training.h"

namespace haven::safety::risk::test {

// tests/safety/data, found from this header's own path.
inline std::string safety_data_dir() {
  std::string here = __FILE__;  // tests/safety/risk/labelled_texts_test_helpers.h
  return here.substr(0, here.rfind("/risk/")) + "/data";
}

// Files of a data folder whose names start with prefix, sorted as a shell glob sorts them.
inline std::vector<std::string> files_starting(const std::string& folder, const std::string& prefix) {
  std::vector<std::string> out;
  const std::string dir = safety_data_dir() + "/" + folder;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.rfind(prefix, 0) == 0 && name.size() > 6 && name.substr(name.size() - 6) == ".jsonl")
        out.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The texts and labels of the files, in order.
inline std::vector<LabelledText> read_labelled_texts(const std::vector<std::string>& files) {
  std::vector<LabelledText> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    EXPECT_TRUE(in.good()) << "cannot open " << f;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const nlohmann::json j = nlohmann::json::parse(line);
      out.push_back({j.at("text").get<std::string>(), j.at("label").get<int>() == 1});
    }
  }
  return out;
}

// A learned reader keeps the promise its threshold was set by: at most max_false_positive_rate of the
// validation texts labelled 0 fire (one more for rounding), and at least min_recall of those labelled 1.
// fires(text) says whether the reader fires on a text, or nullopt where the text is too short to be read.
template <typename Fires>
void expect_validation_promise(const std::vector<LabelledText>& validation, Fires fires,
                               double max_false_positive_rate, double min_recall) {
  size_t negatives = 0, false_alarms = 0, positives = 0, found = 0;
  for (const LabelledText& t : validation) {
    const std::optional<bool> fired = fires(t.text);
    if (!fired) continue;
    (t.positive ? positives : negatives) += 1;
    (t.positive ? found : false_alarms) += *fired ? 1 : 0;
  }
  ASSERT_GT(positives, 0u);
  EXPECT_LE(false_alarms, static_cast<size_t>(max_false_positive_rate * negatives) + 1)
      << false_alarms << " of " << negatives;
  EXPECT_GE(static_cast<double>(found) / positives, min_recall) << found << " of " << positives;
}

}  // namespace haven::safety::risk::test
