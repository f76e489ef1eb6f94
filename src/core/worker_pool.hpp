// A fixed pool of worker threads for the parallel stages (parse, render).
// Each task writes only its own slot, so results never depend on scheduling.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mb {

class WorkerPool {
 public:
  // jobs == 0 means one per hardware thread.
  explicit WorkerPool(unsigned jobs = 0);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  unsigned size() const { return m_size; }

  // Calls fn(index, worker) for index in [0, count); `worker` in [0, size())
  // identifies the thread, for per-thread scratch state. Returns when all are done.
  void parallel_for(std::size_t count, const std::function<void(std::size_t, unsigned)>& fn);

 private:
  void work(unsigned worker);
  void run_tasks(unsigned worker);

  unsigned m_size;
  std::vector<std::thread> m_threads;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_done;
  const std::function<void(std::size_t, unsigned)>* m_fn = nullptr;
  std::size_t m_count = 0;
  std::size_t m_next = 0;
  std::size_t m_finished = 0;
  unsigned long m_generation = 0;
  bool m_stop = false;
};

}  // namespace mb
