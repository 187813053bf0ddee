// Wraps streamed text to the terminal width at word boundaries, piece by piece.
#pragma once

#include <string>
#include <string_view>

namespace haven::cli {

class WordWrapper {
 public:
  // width <= 0 disables wrapping (pipes, tests).
  explicit WordWrapper(int width) : width_(width) {}

  // Returns what can be printed now. A word is held back until it is complete, so it can move to the
  // next line whole.
  std::string feed(std::string_view piece);
  // Returns whatever is held back (the reply ended).
  std::string flush();
  // Forget the column (after the caller printed a newline of its own).
  void reset_column() { column_ = 0; }

 private:
  void emit_word(std::string& out);
  int width_;
  int column_ = 0;
  std::string word_;
  int word_columns_ = 0;
  std::string spaces_;
};

}  // namespace haven::cli
