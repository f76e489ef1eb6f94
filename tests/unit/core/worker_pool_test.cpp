#include <doctest/doctest.h>

#include <atomic>
#include <vector>

#include "core/worker_pool.hpp"

using namespace mb;

TEST_CASE("core: WorkerPool runs every index exactly once") {
  WorkerPool pool(4);
  CHECK(pool.size() == 4);
  std::vector<std::atomic<int>> hits(1000);
  std::atomic<unsigned> max_worker{0};
  pool.parallel_for(hits.size(), [&](std::size_t i, unsigned worker) {
    unsigned seen = max_worker.load();
    while (worker > seen && !max_worker.compare_exchange_weak(seen, worker)) {
    }
    hits[i].fetch_add(1);
  });
  CHECK(max_worker.load() < 4);
  int wrong = 0;
  for (auto& h : hits) wrong += h.load() != 1;
  CHECK(wrong == 0);
}

TEST_CASE("core: WorkerPool can be reused and gives slot-ordered results") {
  WorkerPool pool(3);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::size_t> out(37, 0);
    pool.parallel_for(out.size(), [&](std::size_t i, unsigned) { out[i] = i * i + round; });
    bool ok = true;
    for (std::size_t i = 0; i < out.size(); ++i) ok = ok && out[i] == i * i + round;
    REQUIRE(ok);
  }
}

TEST_CASE("core: WorkerPool with zero tasks returns at once; one job runs on the caller") {
  WorkerPool one(1);
  CHECK(one.size() == 1);
  int calls = 0;
  one.parallel_for(0, [&](std::size_t, unsigned) { ++calls; });
  CHECK(calls == 0);
  std::vector<unsigned> workers;
  one.parallel_for(5, [&](std::size_t, unsigned w) { workers.push_back(w); });  // single thread: no race
  CHECK(workers == std::vector<unsigned>{0, 0, 0, 0, 0});
}

TEST_CASE("core: WorkerPool(0) uses at least one thread") {
  WorkerPool pool;
  CHECK(pool.size() >= 1);
  std::atomic<int> sum{0};
  pool.parallel_for(10, [&](std::size_t i, unsigned) { sum += static_cast<int>(i); });
  CHECK(sum.load() == 45);
}
