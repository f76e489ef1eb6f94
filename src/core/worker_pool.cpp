#include "core/worker_pool.hpp"

namespace mb {

WorkerPool::WorkerPool(unsigned jobs) {
  m_size = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
  // The calling thread is worker 0; the pool adds the others.
  for (unsigned i = 1; i < m_size; ++i) m_threads.emplace_back([this, i] { work(i); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (std::thread& t : m_threads) t.join();
}

void WorkerPool::run_tasks(unsigned worker) {
  for (;;) {
    std::size_t index;
    {
      std::lock_guard lock(m_mutex);
      if (m_next >= m_count) return;
      index = m_next++;
    }
    (*m_fn)(index, worker);
    std::lock_guard lock(m_mutex);
    if (++m_finished == m_count) m_done.notify_all();
  }
}

void WorkerPool::work(unsigned worker) {
  unsigned long seen = 0;
  for (;;) {
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
      if (m_stop) return;
      seen = m_generation;
    }
    run_tasks(worker);
  }
}

void WorkerPool::parallel_for(std::size_t count,
                              const std::function<void(std::size_t, unsigned)>& fn) {
  if (count == 0) return;
  {
    std::lock_guard lock(m_mutex);
    m_fn = &fn;
    m_count = count;
    m_next = 0;
    m_finished = 0;
    ++m_generation;
  }
  m_wake.notify_all();
  run_tasks(0);
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [&] { return m_finished == m_count; });
  m_fn = nullptr;
}

}  // namespace mb
