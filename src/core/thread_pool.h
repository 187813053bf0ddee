// A fixed pool of worker threads for data-parallel loops (matrix-vector work in the engine).
//
// Token generation runs a couple of hundred short loops per token (each matrix product is one), so what
// a loop costs beyond its work matters: workers that just finished a loop spin for a short while
// (kSpinMicros) watching for the next one, and only then sleep on a condition variable, so a busy
// engine pays less wake-up latency and an idle app burns no core. Work is handed out in chunks from an
// atomic counter, several per thread, so a thread that the OS descheduled (a shared VM) holds up at
// most the chunk it is in: the others, the caller included, take the rest, and the loop never waits
// for a worker that has not woken up.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace haven {

class ThreadPool {
 public:
  // threads counts the calling thread: a pool of 1 runs everything inline and starts no thread.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs fn(begin, end, thread_index) over contiguous, disjoint chunks that together cover [0, n), and
  // returns when all are done. How many chunks, and which thread runs which, is up to the pool (there
  // may be several calls per thread, or none); what holds: thread_index < size(), the caller's thread
  // always has index 0, and one index is only ever used by one thread, so per-thread scratch indexed by
  // it needs no locking. Not reentrant: one loop at a time, from one thread at a time.
  void parallel_for(size_t n, const std::function<void(size_t, size_t, int)>& fn);

  // How long an idle worker spins before it sleeps, and how long the caller spins for the last chunks
  // of a loop before it sleeps.
  static constexpr int kSpinMicros = 30;
  static constexpr int kCallerSpinMicros = 10;
  // Pause instructions between clock reads while spinning.
  static constexpr int kSpinsPerCheck = 64;
  // Chunks per thread in a loop (fewer when n is smaller).
  static constexpr size_t kChunksPerThread = 4;

 private:
  void worker_main(int index);
  // Claims and runs chunks of the current loop until none are left. Returns whether it ran any.
  bool run_chunks(int index);

  std::vector<std::thread> workers_;

  // The current loop: the number of chunks in the high 32 bits, the next unclaimed chunk in the low 32.
  // A claim is one fetch_add; it is valid when the chunk it returns is below the count, and then the
  // loop cannot finish (and the fields below cannot change) before the claimer reports it done.
  std::atomic<uint64_t> work_{0};
  std::atomic<uint64_t> done_{0};  // chunks of the current loop finished
  const std::function<void(size_t, size_t, int)>* job_ = nullptr;  // borrowed for one parallel_for
  size_t job_n_ = 0;

  std::atomic<bool> stop_{false};
  std::atomic<int> sleepers_{0};  // workers inside (or about to enter) the condition-variable wait
  std::atomic<bool> caller_waiting_{false};  // the caller sleeps on done_cv_ until done_ is complete
  std::mutex mu_;
  std::condition_variable wake_cv_;
  std::condition_variable done_cv_;
};

}  // namespace haven
