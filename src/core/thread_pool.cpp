#include "core/thread_pool.h"

#include <algorithm>
#include <chrono>

namespace haven {
namespace {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

constexpr uint64_t kIndexMask = 0xFFFFFFFFull;

inline bool has_unclaimed(uint64_t work) { return (work & kIndexMask) < (work >> 32); }

void chunk_bounds(size_t n, size_t parts, size_t index, size_t& begin, size_t& end) {
  const size_t base = n / parts, extra = n % parts;
  begin = index * base + std::min(index, extra);
  end = begin + base + (index < extra ? 1 : 0);
}

}  // namespace

ThreadPool::ThreadPool(int threads) {
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i] { worker_main(i); });
}

ThreadPool::~ThreadPool() {
  stop_.store(true);
  {
    // Taking the lock orders the store before any sleeper's predicate check, so none misses it.
    std::lock_guard<std::mutex> lock(mu_);
  }
  wake_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

bool ThreadPool::run_chunks(int index) {
  bool ran = false;
  for (;;) {
    const uint64_t claim = work_.fetch_add(1, std::memory_order_acq_rel);
    const uint64_t chunk = claim & kIndexMask;
    const uint64_t chunks = claim >> 32;
    if (chunk >= chunks) return ran;
    // A valid claim keeps the loop (and job_, job_n_) alive until done_ counts it.
    size_t begin, end;
    chunk_bounds(job_n_, static_cast<size_t>(chunks), static_cast<size_t>(chunk), begin, end);
    (*job_)(begin, end, index);
    // seq_cst increment, then seq_cst load of caller_waiting_: Dekker's pattern with the caller's
    // flag-then-check in parallel_for, so the caller never sleeps through the last chunk.
    if (done_.fetch_add(1, std::memory_order_seq_cst) + 1 == chunks && index != 0 &&
        caller_waiting_.load(std::memory_order_seq_cst)) {
      { std::lock_guard<std::mutex> lock(mu_); }
      done_cv_.notify_one();
    }
    ran = true;
  }
}

// Spinning only pays while this thread has a core to itself. On an oversubscribed machine a spinning
// thread uses up its share of the CPU and loses the scheduler's wake-up preference for sleepers (and a
// sched_yield there costs whole time slices), so spins are short and end in a sleep.
void ThreadPool::parallel_for(size_t n, const std::function<void(size_t, size_t, int)>& fn) {
  if (workers_.empty() || n <= 1) {
    if (n > 0) fn(0, n, 0);
    return;
  }
  const uint64_t chunks = std::min<uint64_t>(n, static_cast<uint64_t>(size()) * kChunksPerThread);
  // The previous loop is finished (every valid claim reported done), so nobody reads these now.
  job_ = &fn;
  job_n_ = n;
  done_.store(0, std::memory_order_relaxed);
  // seq_cst store, then seq_cst load of sleepers_: with the worker's seq_cst increment-then-check this
  // is Dekker's pattern, so either the worker sees the work or we see the worker and wake it.
  work_.store(chunks << 32, std::memory_order_seq_cst);
  if (sleepers_.load(std::memory_order_seq_cst) > 0) {
    { std::lock_guard<std::mutex> lock(mu_); }
    wake_cv_.notify_all();
  }
  run_chunks(0);
  // Every chunk is claimed; wait for the ones other threads are still running.
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(kCallerSpinMicros);
  for (int i = 1;; ++i) {
    if (done_.load(std::memory_order_acquire) >= chunks) return;
    cpu_relax();
    if (i % kSpinsPerCheck == 0 && Clock::now() > deadline) break;
  }
  std::unique_lock<std::mutex> lock(mu_);
  caller_waiting_.store(true, std::memory_order_seq_cst);
  done_cv_.wait(lock, [&] { return done_.load(std::memory_order_seq_cst) >= chunks; });
  caller_waiting_.store(false, std::memory_order_relaxed);
}

void ThreadPool::worker_main(int index) {
  using Clock = std::chrono::steady_clock;
  for (;;) {
    // Spin: while a model is generating, the next loop usually follows within microseconds.
    auto deadline = Clock::now() + std::chrono::microseconds(kSpinMicros);
    for (int i = 1;; ++i) {
      if (stop_.load(std::memory_order_relaxed)) return;
      if (has_unclaimed(work_.load(std::memory_order_relaxed))) {
        run_chunks(index);
        deadline = Clock::now() + std::chrono::microseconds(kSpinMicros);
        i = 0;
        continue;
      }
      cpu_relax();
      if (i % kSpinsPerCheck == 0 && Clock::now() > deadline) break;
    }
    // Sleep until a loop with unclaimed chunks is published, or the pool stops.
    std::unique_lock<std::mutex> lock(mu_);
    sleepers_.fetch_add(1, std::memory_order_seq_cst);
    wake_cv_.wait(lock, [this] {
      return stop_.load(std::memory_order_seq_cst) || has_unclaimed(work_.load(std::memory_order_seq_cst));
    });
    sleepers_.fetch_sub(1, std::memory_order_relaxed);
    if (stop_.load()) return;
  }
}

}  // namespace haven
