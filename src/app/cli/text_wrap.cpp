#include "app/cli/text_wrap.h"

namespace haven::cli {

void WordWrapper::emit_word(std::string& out) {
  if (word_.empty()) return;
  int space_columns = static_cast<int>(spaces_.size());
  if (width_ > 0 && column_ > 0 && column_ + space_columns + word_columns_ > width_) {
    out += '\n';
    column_ = 0;
  } else {
    out += spaces_;
    column_ += space_columns;
  }
  spaces_.clear();
  out += word_;
  column_ += word_columns_;
  word_.clear();
  word_columns_ = 0;
}

std::string WordWrapper::feed(std::string_view piece) {
  std::string out;
  for (char c : piece) {
    if (c == '\n') {
      emit_word(out);
      spaces_.clear();
      out += '\n';
      column_ = 0;
    } else if (c == ' ') {
      emit_word(out);
      spaces_ += ' ';
    } else {
      word_ += c;
      // Count a column per character: continuation bytes of UTF-8 add none.
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++word_columns_;
    }
  }
  if (width_ <= 0) {
    // Nothing to wrap: pass everything through as it comes.
    out += spaces_;
    out += word_;
    spaces_.clear();
    word_.clear();
    word_columns_ = 0;
  }
  return out;
}

std::string WordWrapper::flush() {
  std::string out;
  emit_word(out);
  spaces_.clear();
  return out;
}

}  // namespace haven::cli
