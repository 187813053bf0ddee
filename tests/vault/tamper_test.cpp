// The tamper test: change one byte of a closed vault at a time. Every byte of the header, and 1,000
// randomly chosen bytes of the database: each time the vault must either open with exactly the data
// that was written, or fail with a clear error; never show wrong data, never crash, never write over
// the damaged files.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <random>
#include <sstream>

#include "support/temp_dir.h"
#include "vault/vault.h"
#include "vault_test_util.h"

namespace haven::vault {
namespace {

using testing::kPassphrase;
using testing::test_options;

// Everything the public API can read back, in one string.
Result<std::string> read_everything(Vault& v) {
  std::ostringstream out;
  HAVEN_RETURN_IF_ERROR(v.for_each_entry([&](const Entry& e) {
    out << "E" << e.id << '|' << e.created_ms << '|' << e.updated_ms << '|' << e.utc_offset_min << '|' << e.text << '\n';
    return Status::ok();
  }));
  HAVEN_ASSIGN_OR_RETURN(auto moods, v.list_moods());
  for (const Mood& m : moods) {
    out << "M" << m.id << '|' << m.rating << '|' << m.note << '|' << (m.energy ? *m.energy : -1) << '|'
        << (m.sleep_hours ? *m.sleep_hours : -1.0);
    for (const auto& e : m.emotions) out << '|' << e;
    out << '\n';
  }
  HAVEN_ASSIGN_OR_RETURN(auto settings, v.list_settings());
  for (const auto& [k, val] : settings) out << "S" << k << '=' << val << '\n';
  for (const char* word : {"river", "tired", "garden", "number7"}) {
    HAVEN_ASSIGN_OR_RETURN(auto hits, v.search(word, 3));
    out << "Q" << word;
    for (const auto& h : hits) out << ' ' << h.id << ':' << h.snippet;
    out << '\n';
  }
  return out.str();
}

class VaultTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Vault::create(dir(), kPassphrase, true, test_options());
    ASSERT_TRUE(created.is_ok());
    Vault& v = *created->vault;
    ASSERT_TRUE(v.transaction([&]() -> Status {
                   const char* words[] = {"river", "tired", "garden", "calm", "work"};
                   for (int i = 0; i < 60; ++i) {
                     std::string text = "Entry number" + std::to_string(i) + " about the " + words[i % 5] + ". ";
                     while (text.size() < static_cast<size_t>(100 + (i * 397) % 9000)) text += words[(i * 7) % 5] + std::string(" ");
                     HAVEN_RETURN_IF_ERROR(v.add_entry(text).status());
                   }
                   for (int i = 0; i < 10; ++i) {
                     MoodInput m;
                     m.rating = i;
                     m.emotions = {"calm", "tired"};
                     m.note = "note " + std::to_string(i);
                     if (i % 2) m.sleep_hours = 6.5;
                     HAVEN_RETURN_IF_ERROR(v.add_mood(m).status());
                   }
                   for (int i = 0; i < 10; ++i) {
                     HAVEN_RETURN_IF_ERROR(v.set_setting("key" + std::to_string(i), std::string(50 * i, 'v')));
                   }
                   return Status::ok();
                 }).is_ok());
    ASSERT_TRUE(v.delete_entry(5).is_ok());  // leaves free space and a freelist behind
    auto all = read_everything(v);
    ASSERT_TRUE(all.is_ok());
    expected_ = *all;
  }

  std::string dir() const { return tmp_.file("vault"); }

  // Opens the vault as a user would (read-write) and reads everything. Returns the status and checks
  // that on success every byte read is what was written.
  Status attempt(const std::string& what) {
    auto v = Vault::open(dir(), Credential::passphrase(kPassphrase), test_options());
    if (!v.is_ok()) return v.status();
    auto all = read_everything(**v);
    if (!all.is_ok()) return all.status();
    EXPECT_TRUE(*all == expected_) << what << ": the vault opened but showed different data";
    return Status::ok();
  }

  static void flip(const std::string& path, off_t at, uint8_t mask) {
    int fd = ::open(path.c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    uint8_t b = 0;
    ASSERT_EQ(::pread(fd, &b, 1, at), 1);
    b ^= mask;
    ASSERT_EQ(::pwrite(fd, &b, 1, at), 1);
    ::close(fd);
  }

  static bool clear_error(const Status& s) {
    bool right_kind = s.code() == StatusCode::kCorruption || s.code() == StatusCode::kUnsupported ||
                      s.code() == StatusCode::kUnauthenticated;
    return right_kind && !s.message().empty() && s.message().find('\n') == std::string::npos;
  }

  test::TempDir tmp_;
  std::string expected_;
};

TEST_F(VaultTamperTest, EveryHeaderByteChangedFailsClearly) {
  const std::string header = dir() + "/vault.header";
  const auto pristine = testing::snapshot(dir());
  std::mt19937 rng(1);
  std::uniform_int_distribution<int> mask(1, 255);
  const size_t size = pristine.at(header).size();
  ASSERT_EQ(size, 288u);
  for (size_t i = 0; i < size; ++i) {
    uint8_t m = static_cast<uint8_t>(mask(rng));
    flip(header, static_cast<off_t>(i), m);
    Status s = attempt("header byte " + std::to_string(i));
    EXPECT_FALSE(s.is_ok()) << "header byte " << i << " changed and the vault still opened";
    EXPECT_TRUE(clear_error(s)) << "header byte " << i << ": " << s.message();
    auto now = testing::snapshot(dir());
    flip(header, static_cast<off_t>(i), m);
    now[header] = pristine.at(header);
    EXPECT_EQ(testing::snapshot_diff(pristine, now), "") << "header byte " << i << ": a failed open changed a file";
  }
  EXPECT_TRUE(attempt("restored").is_ok());
}

TEST_F(VaultTamperTest, ThousandRandomDatabaseBytesChangedNeverShowWrongData) {
  const std::string db = dir() + "/vault.db";
  const auto pristine = testing::snapshot(dir());
  const size_t size = pristine.at(db).size();
  ASSERT_GT(size, 20 * 4096u);
  std::random_device rd;
  const unsigned seed = rd();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> where(0, size - 1);
  std::uniform_int_distribution<int> mask(1, 255);
  int failed = 0, opened = 0;
  for (int round = 0; round < 1000; ++round) {
    size_t at = where(rng);
    uint8_t m = static_cast<uint8_t>(mask(rng));
    flip(db, static_cast<off_t>(at), m);
    Status s = attempt("database byte " + std::to_string(at));
    if (s.is_ok()) {
      ++opened;
    } else {
      ++failed;
      EXPECT_TRUE(clear_error(s)) << "database byte " << at << ": " << s.message();
    }
    flip(db, static_cast<off_t>(at), m);
    auto now = testing::snapshot(dir());
    ASSERT_EQ(testing::snapshot_diff(pristine, now), "") << "database byte " << at << ": the open wrote to the vault";
  }
  std::cout << failed << " changes were refused, " << opened << " touched bytes that were never read\n";
  EXPECT_GT(failed, 900);
  EXPECT_TRUE(attempt("restored").is_ok());
}

}  // namespace
}  // namespace haven::vault
