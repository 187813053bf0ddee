// CancelToken: how a caller stops a reply that is streaming, from any thread.
#pragma once

#include <atomic>

namespace haven::backend {

// A flag shared between the thread that streams a reply and whoever wants it stopped (the terminal's
// Ctrl-C handler, a UI thread). request_cancel() is a lock-free atomic store, so it is safe to call from
// a signal handler. A backend checks the flag between received bytes and also while it waits for the
// server, so a stalled server is abandoned within about 50 ms of the request.
class CancelToken {
 public:
  CancelToken() = default;
  CancelToken(const CancelToken&) = delete;
  CancelToken& operator=(const CancelToken&) = delete;

  void request_cancel() { flag_.store(true, std::memory_order_relaxed); }
  bool is_cancelled() const { return flag_.load(std::memory_order_relaxed); }
  // Makes the token reusable for the next reply. Call it before starting that reply, never during one.
  void reset() { flag_.store(false, std::memory_order_relaxed); }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "signal handlers need a lock-free flag");
  std::atomic<bool> flag_{false};
};

}  // namespace haven::backend
