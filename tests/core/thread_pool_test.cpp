#include "core/thread_pool.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace haven {
namespace {

TEST(ThreadPoolTest, EveryIndexRunsExactlyOnce) {
  for (int threads : {1, 2, 3, 5}) {
    ThreadPool pool(threads);
    for (size_t n : {0u, 1u, 2u, 7u, 8u, 9u, 1000u, 100003u}) {
      std::vector<std::atomic<int>> hits(n);
      pool.parallel_for(n, [&](size_t b, size_t e, int) {
        ASSERT_LT(b, e);
        ASSERT_LE(e, n);
        for (size_t i = b; i < e; ++i) hits[i].fetch_add(1);
      });
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(hits[i].load(), 1) << "threads " << threads << " n " << n;
    }
  }
}

// Token generation runs hundreds of tiny loops back to back: every one must see all of its own work
// done before parallel_for returns, and none may run work of another.
TEST(ThreadPoolTest, ManyTinyLoopsBackToBack) {
  ThreadPool pool(3);
  std::vector<int> out(64);
  for (int round = 0; round < 20000; ++round) {
    const size_t n = 1 + static_cast<size_t>(round % 40);
    pool.parallel_for(n, [&](size_t b, size_t e, int) {
      for (size_t i = b; i < e; ++i) out[i] = round;
    });
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], round) << "round " << round << " item " << i;
  }
}

// Callers keep per-thread scratch indexed by thread_index: the index must be below size(), the caller
// must be index 0, and within a loop one index must belong to one OS thread.
TEST(ThreadPoolTest, ThreadIndexIsSmallStableAndOwnedByOneThread) {
  for (int threads : {1, 2, 4}) {
    ThreadPool pool(threads);
    const auto caller = std::this_thread::get_id();
    for (int round = 0; round < 200; ++round) {
      std::mutex mu;
      std::map<int, std::thread::id> owner;
      bool ok = true;
      pool.parallel_for(256, [&](size_t, size_t, int tid) {
        std::lock_guard<std::mutex> lock(mu);
        if (tid < 0 || tid >= pool.size()) ok = false;
        if (tid == 0 && std::this_thread::get_id() != caller) ok = false;
        if (tid != 0 && std::this_thread::get_id() == caller) ok = false;
        auto [it, inserted] = owner.emplace(tid, std::this_thread::get_id());
        if (!inserted && it->second != std::this_thread::get_id()) ok = false;
      });
      ASSERT_TRUE(ok) << "threads " << threads << " round " << round;
    }
  }
}

TEST(ThreadPoolTest, OneThreadRunsInlineAsOneCall) {
  ThreadPool pool(1);
  EXPECT_EQ(pool.size(), 1);
  int calls = 0;
  const auto caller = std::this_thread::get_id();
  pool.parallel_for(1000, [&](size_t b, size_t e, int tid) {
    ++calls;
    EXPECT_EQ(b, 0u);
    EXPECT_EQ(e, 1000u);
    EXPECT_EQ(tid, 0);
    EXPECT_EQ(std::this_thread::get_id(), caller);
  });
  EXPECT_EQ(calls, 1);
}

// A thread stuck in its chunk (descheduled on a shared machine) must not hold up the rest of the loop:
// the other chunks are taken by whoever is free. The stuck chunk waits until every other item is done;
// a pool that hands each thread a fixed share would wait on it forever (here: until the timeout).
TEST(ThreadPoolTest, AStalledThreadDoesNotHoldUpTheOtherChunks) {
  ThreadPool pool(2);
  constexpr size_t kN = 64;
  for (int round = 0; round < 20; ++round) {
    std::atomic<size_t> finished{0};
    std::atomic<bool> stalled_once{false};
    std::atomic<bool> timed_out{false};
    pool.parallel_for(kN, [&](size_t b, size_t e, int tid) {
      if (tid != 0 && !stalled_once.exchange(true)) {
        const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (finished.load() < kN - (e - b)) {
          if (std::chrono::steady_clock::now() > limit) {
            timed_out = true;
            break;
          }
          std::this_thread::yield();
        }
      }
      finished.fetch_add(e - b);
    });
    ASSERT_FALSE(timed_out.load()) << "round " << round;
    ASSERT_EQ(finished.load(), kN);
  }
}

// A worker that finishes the last chunk long after the caller ran out of work must wake the caller,
// which by then sleeps instead of spinning.
TEST(ThreadPoolTest, CallerSleepingOnASlowLastChunkIsWoken) {
  ThreadPool pool(2);
  for (int round = 0; round < 20; ++round) {
    std::atomic<int> items{0};
    std::atomic<bool> worker_in{false};
    pool.parallel_for(2, [&](size_t b, size_t e, int tid) {
      if (tid != 0) {
        worker_in = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      } else {
        // Hold the caller's chunk until a worker has taken the other one (it is unclaimed meanwhile).
        const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!worker_in.load() && std::chrono::steady_clock::now() < limit) std::this_thread::yield();
      }
      items.fetch_add(static_cast<int>(e - b));
    });
    ASSERT_TRUE(worker_in.load()) << "round " << round;
    ASSERT_EQ(items.load(), 2) << "round " << round;
  }
}

// Workers that waited long enough to fall asleep must wake up for the next loop, and a pool must shut
// down cleanly whether its workers are spinning or asleep.
TEST(ThreadPoolTest, WorkersWakeFromSleepAndShutDownCleanly) {
  {
    ThreadPool pool(3);
    for (int round = 0; round < 5; ++round) {
      std::this_thread::sleep_for(std::chrono::microseconds(ThreadPool::kSpinMicros * 20));
      std::atomic<size_t> sum{0};
      pool.parallel_for(500, [&](size_t b, size_t e, int) {
        for (size_t i = b; i < e; ++i) sum.fetch_add(i);
      });
      ASSERT_EQ(sum.load(), 500u * 499u / 2u);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(ThreadPool::kSpinMicros * 20));
  }  // destroyed while its workers sleep
  {
    ThreadPool pool(3);
    pool.parallel_for(10, [](size_t, size_t, int) {});
  }  // destroyed while its workers spin
  {
    ThreadPool pool(4);
  }  // destroyed before any loop
}

}  // namespace
}  // namespace haven
