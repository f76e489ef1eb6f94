// The preview server's HTTP plumbing around cpp-httplib: what its 0.11
// leaves out (a deep listen backlog, a bounded pool of connection threads)
// and the process-level limits and shutdown that a server of many
// connections needs. The preview itself (routes, rebuilds) is preview.cpp.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

#include "server/connection_pool.hpp"

namespace mb::server {

// cpp-httplib with a listen backlog deeper than 5.
class HttpServer : public httplib::Server {
 public:
  // httplib listens with a backlog of 5; a burst of connections (a page and
  // its assets in several tabs, a load test) overflows it, and the clients
  // that do not fit wait for TCP to retransmit their SYN, a second or more.
  // listen() again on the bound socket only changes the backlog.
  bool deepen_backlog();
};

// httplib's task queue, served by a ConnectionPool (see connection_pool.hpp).
class PoolQueue : public httplib::TaskQueue {
 public:
  explicit PoolQueue(std::size_t max_threads) : m_pool(8, max_threads, std::chrono::seconds(5)) {}
  void enqueue(std::function<void()> fn) override { m_pool.enqueue(std::move(fn)); }
  void shutdown() override { m_pool.shutdown(); }

 private:
  ConnectionPool m_pool;
};

// Every connection holds a descriptor: a soft limit of 1,024 (the usual
// default) would stop accepting well before the hard limit does. Raises the
// soft limit as far as allowed and returns the limit now in force.
std::size_t raise_open_files_limit();

// Shuts down (without closing: their threads do that) the connections
// accepted on `port`, so that a thread waiting on a slow client's next byte
// returns at once and the server can stop.
void shut_down_connections(int port);

}  // namespace mb::server
