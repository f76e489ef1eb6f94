// The threads that serve the preview's connections. cpp-httplib 0.11 runs
// each connection, from its first byte to its close, on one thread of a
// fixed pool of about eight. An open page's live-reload stream holds its
// thread for as long as the page is open, and a client that sends its
// request a byte at a time, or connects and sends nothing, holds one for as
// long as it likes: a few tabs and a slow client and nobody else is served.
// This pool starts a thread whenever a connection arrives and no thread is
// free, up to a ceiling well above any browser's needs, and lets the extra
// threads go once they have been idle for a while.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace mb::server {

class ConnectionPool {
 public:
  // `min_threads` are started at once and stay; up to `max_threads` run at
  // once; a thread beyond `min_threads` ends after `idle` without work.
  ConnectionPool(std::size_t min_threads, std::size_t max_threads, std::chrono::milliseconds idle);
  ~ConnectionPool();  // shutdown()
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Runs `job` on a free thread, a new one if none is free and the ceiling
  // allows, or else on the first thread to become free.
  void enqueue(std::function<void()> job);

  // Runs the jobs already queued, then ends and joins every thread. Returns
  // once the running jobs return: whoever calls it must make sure they do.
  void shutdown();

  std::size_t threads() const;  // running now
  std::size_t peak() const;     // the most that ran at once

 private:
  void start_thread();  // with m_mutex held
  void work();
  void reap();  // joins threads that ended; with m_mutex not held

  const std::size_t m_min, m_max;
  const std::chrono::milliseconds m_idle;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_jobs;
  std::list<std::thread> m_threads;
  std::vector<std::thread::id> m_ended;  // ended, not joined yet
  std::size_t m_running = 0;             // threads that have not ended
  std::size_t m_free = 0;                // threads waiting for a job
  std::size_t m_peak = 0;
  bool m_stopping = false;
};

}  // namespace mb::server
