#include "server/connection_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace mb::server;
using namespace std::chrono_literals;

namespace {

// A gate that jobs wait at until the test opens it.
struct Gate {
  std::mutex mutex;
  std::condition_variable cv;
  bool open = false;
  void wait() {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return open; });
  }
  void release() {
    {
      std::lock_guard lock(mutex);
      open = true;
    }
    cv.notify_all();
  }
};

// Polls `done` until it holds or 10 s pass (a liveness deadline, not a timing).
template <class F>
bool eventually(F done) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

}  // namespace

TEST_CASE("a job that never ends does not keep the next one waiting") {
  ConnectionPool pool(2, 64, 50ms);
  Gate gate;
  std::atomic<int> blocked{0}, done{0};
  // More blocked jobs than the pool starts with, like open live-reload streams.
  for (int i = 0; i < 20; ++i) pool.enqueue([&] { ++blocked; gate.wait(); });
  REQUIRE(eventually([&] { return blocked == 20; }));
  pool.enqueue([&] { ++done; });
  CHECK(eventually([&] { return done == 1; }));
  CHECK(pool.threads() >= 21);
  gate.release();
  // The extra threads go once idle; the first two stay.
  CHECK(eventually([&] { return pool.threads() == 2; }));
  CHECK(pool.peak() >= 21);
}

TEST_CASE("no more threads than the ceiling; the rest wait their turn") {
  ConnectionPool pool(1, 4, 50ms);
  Gate gate;
  std::atomic<int> started{0};
  for (int i = 0; i < 10; ++i) pool.enqueue([&] { ++started; gate.wait(); });
  REQUIRE(eventually([&] { return started == 4; }));
  std::this_thread::sleep_for(50ms);
  CHECK(started == 4);
  CHECK(pool.threads() == 4);
  gate.release();
  CHECK(eventually([&] { return started == 10; }));
  CHECK(pool.peak() == 4);
}

TEST_CASE("shutdown runs the jobs already queued, then joins every thread") {
  std::atomic<int> done{0};
  {
    ConnectionPool pool(1, 1, 1s);
    Gate gate;
    pool.enqueue([&] { gate.wait(); ++done; });
    for (int i = 0; i < 5; ++i) pool.enqueue([&] { ++done; });
    std::thread opener([&] {
      std::this_thread::sleep_for(20ms);
      gate.release();
    });
    pool.shutdown();
    CHECK(done == 6);
    CHECK(pool.threads() == 0);
    opener.join();
  }
  CHECK(done == 6);
}

TEST_CASE("a job that throws does not end its thread or the pool") {
  ConnectionPool pool(1, 1, 1s);
  std::atomic<int> done{0};
  pool.enqueue([] { throw std::runtime_error("a broken connection"); });
  pool.enqueue([&] { ++done; });
  CHECK(eventually([&] { return done == 1; }));
  CHECK(pool.threads() == 1);
}
