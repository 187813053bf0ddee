// Shared by the tests that read the learned readers' labelled text files (tests/safety/data):
// {"id", "label": 0|1, "kind", "text"} lines.
#pragma once

#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <fstream>
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

}  // namespace haven::safety::risk::test
