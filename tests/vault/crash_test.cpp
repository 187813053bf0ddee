// The crash test: a child process adds entries in a loop and is killed with SIGKILL at random moments.
// After each kill the vault must open and hold every entry whose add returned (the child prints each
// one only after add_entry returned), at most one more (the add in flight), and nothing partial.
//
// The check opens the vault read-only, which writes nothing, so the next child finds the files exactly
// as the kill left them and does the recovery itself; kills therefore also land during recovery and
// during checkpoints, not only during adds.
#include <gtest/gtest.h>

#include <filesystem>
#include <chrono>
#include <map>
#include <random>

#include "child_process.h"
#include "support/temp_dir.h"
#include "vault/vault.h"
#include "vault_test_helper.h"
#include "vault_test_util.h"

namespace haven::vault {
namespace {

using testing::kPassphrase;
using testing::test_options;

int kills_wanted() {
  if (const char* v = std::getenv("HAVEN_CRASH_KILLS"); v != nullptr && std::atoi(v) > 0) return std::atoi(v);
  return 200;
}

// "entry K begins:..." -> K, or -1.
long long k_of(const std::string& text) {
  if (text.rfind("entry ", 0) != 0) return -1;
  return std::atoll(text.c_str() + 6);
}

TEST(VaultCrashTest, EveryAcknowledgedEntrySurvivesSigkillAndNoneIsPartial) {
  test::TempDir tmp;
  const std::string dir = tmp.file("vault");
  ASSERT_TRUE(Vault::create(dir, kPassphrase, false, test_options()).is_ok());

  std::random_device rd;
  const unsigned seed = rd();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  // Kill moments are spread from before the vault is open to several adds in. How long a child takes
  // to get going differs a lot between builds (sanitizers), so the window is measured first.
  int first_ack_ms = 0;
  {
    auto start = std::chrono::steady_clock::now();
    testing::ChildProcess child(HAVEN_VAULT_TEST_HELPER, {"write", dir, "0"}, {{"HAVEN_PASSPHRASE", kPassphrase}});
    ASSERT_TRUE(child.wait_for_output("\n", 20000)) << "the writer never acknowledged an entry";
    first_ack_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
  }
  std::uniform_int_distribution<int> delay_ms(0, first_ack_ms + 60);

  std::map<int64_t, long long> durable;  // id -> k of every entry known to be committed
  {
    VaultOptions check = test_options();
    check.read_only = true;
    auto v = Vault::open(dir, Credential::passphrase(kPassphrase), check);
    ASSERT_TRUE(v.is_ok()) << v.status().message();
    ASSERT_TRUE((*v)->for_each_entry([&](const Entry& e) {
                       durable[e.id] = k_of(e.text);
                       return Status::ok();
                     }).is_ok());
  }
  long long next_k = durable.empty() ? 0 : durable.rbegin()->second + 1;
  int kills = 0, in_flight_kept = 0, attempts = 0;
  const int wanted = kills_wanted();
  while (kills < wanted) {
    ASSERT_LT(++attempts, wanted * 3) << "the writer keeps failing";
    testing::ChildProcess child(HAVEN_VAULT_TEST_HELPER, {"write", dir, std::to_string(next_k)},
                                {{"HAVEN_PASSPHRASE", kPassphrase}});
    ASSERT_TRUE(child.started());
    child.read_for(delay_ms(rng));
    child.kill_now();
    int rc = child.wait();
    ASSERT_EQ(rc, 128 + SIGKILL) << "the writer stopped by itself: " << child.output();
    ++kills;

    // What the child acknowledged: "K ID" lines, each written after its add returned.
    std::map<int64_t, long long> acked;
    std::istringstream lines(child.output());
    long long k;
    int64_t id;
    while (lines >> k >> id) acked[id] = k;

    VaultOptions check = test_options();
    check.read_only = true;
    auto v = Vault::open(dir, Credential::passphrase(kPassphrase), check);
    ASSERT_TRUE(v.is_ok()) << "kill " << kills << ": " << v.status().message();
    std::map<int64_t, long long> found;
    Status read = (*v)->for_each_entry([&](const Entry& e) -> Status {
      long long ek = k_of(e.text);
      EXPECT_GE(ek, 0) << "kill " << kills << ": entry " << e.id << " is not one the writer wrote";
      EXPECT_TRUE(e.text == testing::crash_entry_text(ek))
          << "kill " << kills << ": entry " << e.id << " is partial or mixed up (" << e.text.size() << " bytes)";
      found[e.id] = ek;
      return Status::ok();
    });
    ASSERT_TRUE(read.is_ok()) << read.message();
    EXPECT_EQ((*v)->log_blocks_unreadable(), 0u) << "a kill left a torn log block";

    for (const auto& [aid, ak] : durable) {
      ASSERT_TRUE(found.count(aid) && found[aid] == ak) << "kill " << kills << ": lost committed entry " << aid;
    }
    for (const auto& [aid, ak] : acked) {
      ASSERT_TRUE(found.count(aid) && found[aid] == ak) << "kill " << kills << ": lost acknowledged entry " << aid;
    }
    // Beyond those, at most the one add that was in flight when the kill came.
    std::vector<int64_t> extra;
    for (const auto& [fid, fk] : found) {
      if (!durable.count(fid) && !acked.count(fid)) extra.push_back(fid);
    }
    ASSERT_LE(extra.size(), 1u) << "kill " << kills << ": more than one unacknowledged entry";
    long long expected_in_flight = acked.empty() ? next_k : acked.rbegin()->second + 1;
    if (!extra.empty()) {
      EXPECT_EQ(found[extra[0]], expected_in_flight) << "kill " << kills;
      ++in_flight_kept;
    }
    durable = found;
    next_k = durable.empty() ? 0 : durable.rbegin()->second + 1;
  }
  EXPECT_GE(kills, wanted);
  EXPECT_GT(durable.size(), 0u);
  std::cout << kills << " kills (window 0-" << first_ack_ms + 60 << " ms), " << durable.size() << " entries survived, " << in_flight_kept
            << " in-flight adds were kept\n";
}

}  // namespace
}  // namespace haven::vault
