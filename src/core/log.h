// A small logger for diagnostics about the program, never about the user.
//
// Rule: nothing a user wrote (entries, messages, prompts, replies, passphrases) is ever passed to these
// functions. Log sizes, ids, codes and timings instead. Output goes to stderr and only at or above the
// level set by HAVEN_LOG (error, warn, info, debug; default warn). Nothing is written to files.
#pragma once

#include <string_view>

namespace haven::log {

enum class Level { kError = 0, kWarn = 1, kInfo = 2, kDebug = 3 };

void set_level(Level level);
Level level();
void write(Level level, std::string_view component, std::string_view message);

inline void error(std::string_view component, std::string_view m) { write(Level::kError, component, m); }
inline void warn(std::string_view component, std::string_view m) { write(Level::kWarn, component, m); }
inline void info(std::string_view component, std::string_view m) { write(Level::kInfo, component, m); }
inline void debug(std::string_view component, std::string_view m) { write(Level::kDebug, component, m); }

}  // namespace haven::log
