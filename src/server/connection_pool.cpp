#include "server/connection_pool.hpp"

#include <algorithm>
#include <system_error>

namespace mb::server {

ConnectionPool::ConnectionPool(std::size_t min_threads, std::size_t max_threads, std::chrono::milliseconds idle)
    : m_min(std::max<std::size_t>(min_threads, 1)), m_max(std::max(max_threads, m_min)), m_idle(idle) {
  std::lock_guard lock(m_mutex);
  for (std::size_t i = 0; i < m_min; ++i) start_thread();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::start_thread() {
  try {
    m_threads.emplace_back([this] { work(); });
  } catch (const std::system_error&) {
    return;  // no more threads for now (a system limit): the job waits for a free one
  }
  ++m_running;
  ++m_free;
  m_peak = std::max(m_peak, m_running);
}

void ConnectionPool::enqueue(std::function<void()> job) {
  reap();
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
    // Every queued job needs a free thread of its own.
    if (m_jobs.size() > m_free && m_running < m_max && !m_stopping) start_thread();
  }
  m_wake.notify_one();
}

void ConnectionPool::work() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    bool woken = m_wake.wait_for(lock, m_idle, [this] { return !m_jobs.empty() || m_stopping; });
    if (m_jobs.empty() && (m_stopping || (!woken && m_running > m_min))) break;
    if (m_jobs.empty()) continue;
    std::function<void()> job = std::move(m_jobs.front());
    m_jobs.pop_front();
    --m_free;
    lock.unlock();
    try {
      job();
    } catch (...) {
      // httplib answers a handler's exception with a 500; nothing else is expected
      // here, and one connection's failure must not end the server.
    }
    job = nullptr;  // the connection's state goes with its job, not with the next wait
    lock.lock();
    ++m_free;
  }
  --m_free;
  --m_running;
  m_ended.push_back(std::this_thread::get_id());
}

void ConnectionPool::reap() {
  std::list<std::thread> ended;
  {
    std::lock_guard lock(m_mutex);
    for (std::thread::id id : m_ended) {
      auto it = std::find_if(m_threads.begin(), m_threads.end(), [&](const std::thread& t) { return t.get_id() == id; });
      if (it != m_threads.end()) ended.splice(ended.end(), m_threads, it);
    }
    m_ended.clear();
  }
  for (std::thread& t : ended) t.join();
}

void ConnectionPool::shutdown() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  std::list<std::thread> all;
  {
    std::lock_guard lock(m_mutex);
    all.swap(m_threads);
  }
  for (std::thread& t : all) t.join();
  std::lock_guard lock(m_mutex);
  m_ended.clear();
}

std::size_t ConnectionPool::threads() const {
  std::lock_guard lock(m_mutex);
  return m_running;
}

std::size_t ConnectionPool::peak() const {
  std::lock_guard lock(m_mutex);
  return m_peak;
}

}  // namespace mb::server
