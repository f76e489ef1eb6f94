#include "server/preview.hpp"

#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <ostream>
#include <sstream>

#include "core/xml.hpp"
#include "output/publish.hpp"
#include "server/connection_pool.hpp"
#include "server/watcher.hpp"
#include "site/pipeline.hpp"

namespace mb::server {

namespace fs = std::filesystem;

namespace {

const char* kEvents = "/__minhbach/events";
const char* kScript = "/__minhbach/reload.js";
const char* kReloadJs =
    "(function(){var s=new EventSource('/__minhbach/events');"
    "s.onmessage=function(){location.reload();};})();\n";

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

// What every request thread reads and the rebuild loop writes.
struct State {
  std::mutex mutex;
  std::condition_variable changed;
  unsigned long generation = 0;
  std::string errors;     // the last failed build's diagnostics; "" after a good build
  std::string base_path;  // "/" or "/bao-cao/"
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* mime(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css"},        {".js", "text/javascript"},
      {".json", "application/json"},         {".xml", "application/xml"}, {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},       {".jpg", "image/jpeg"},
      {".pdf", "application/pdf"},           {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : types)
    if (path.size() >= std::strlen(ext) && path.compare(path.size() - std::strlen(ext), std::strlen(ext), ext) == 0) return type;
  return "application/octet-stream";
}

// cpp-httplib with what 0.11 leaves out: a listen backlog deeper than 5.
class HttpServer : public httplib::Server {
 public:
  // httplib listens with a backlog of 5; a burst of connections (a page and
  // its assets in several tabs, a load test) overflows it, and the clients
  // that do not fit wait for TCP to retransmit their SYN, a second or more.
  // listen() again on the bound socket only changes the backlog.
  bool deepen_backlog() { return ::listen(svr_sock_, SOMAXCONN) == 0; }
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
// default) would stop accepting well before the hard limit does. Returns the
// soft limit now in force.
rlim_t raise_open_files_limit() {
  struct rlimit limit;
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    struct rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) return raised.rlim_cur;
    raised.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);  // an unlimited hard limit is refused
    if (raised.rlim_cur > limit.rlim_cur && ::setrlimit(RLIMIT_NOFILE, &raised) == 0) return raised.rlim_cur;
  }
  return limit.rlim_cur;
}

// Shuts down (without closing: their threads do that) the connections
// accepted on `port`, so that a thread waiting on a slow client's next byte
// returns at once and the server can stop.
void shut_down_connections(int port) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (!dir) return;
  while (const dirent* entry = ::readdir(dir)) {
    int fd = std::atoi(entry->d_name);
    struct stat st;
    if (fd <= 2 || fd == ::dirfd(dir) || ::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
        ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0)
      continue;
    int local_port = local.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port)
                     : local.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port)
                                                   : -1;
    if (local_port == port) ::shutdown(fd, SHUT_RDWR);
  }
  ::closedir(dir);
}

// One full build, brought into the preview folder in place; returns the
// diagnostics as text ("" when it succeeded). Pages whose inputs did not
// change are reused from the previous build, and only changed files are written.
std::string rebuild(const ServeOptions& options, output::Mirror& mirror, WorkerPool& pool, site::RenderCache& cache,
                    std::string& base_path, std::ostream& out, std::ostream& err) {
  RealFileSystem fs;
  Diagnostics diags;
  site::PipelineOptions pipeline{options.root, "http://" + options.host + ":" + std::to_string(options.port) + "/", {}, {},
                                 &cache, {}};
  auto started = std::chrono::steady_clock::now();
  site::PipelineResult result = site::run_pipeline(pool, fs, pipeline, diags);
  std::string text;
  std::vector<Diagnostic> sorted = diags.all();
  sort_diagnostics(sorted);
  for (const Diagnostic& d : sorted) text += format_diagnostic(d);
  err << text;
  if (!result.ok) return text.empty() ? "the build failed\n" : text;
  output::PublishResult published = mirror.update(result.files, pool);
  if (!published.ok) return "cannot write the preview: " + published.error + "\n";
  base_path = result.base_path;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!options.quiet)
    out << "rebuilt in " << ms << " ms: " << cache.reused << " pages reused, " << published.written << " files changed\n"
        << std::flush;
  return "";
}

}  // namespace

std::string resolve(const std::string& dir, const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
    return "";
  for (std::size_t start = 1; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    if (segment == ".." || segment == ".") return "";
    start = end + 1;
  }
  std::string file = dir + path;
  std::error_code ec;
  if (fs::is_directory(file, ec)) file = (file.back() == '/' ? file : file + "/") + "index.html";
  fs::path real = fs::weakly_canonical(file, ec);
  fs::path base = fs::weakly_canonical(dir, ec);
  std::string r = real.string(), b = base.string() + "/";
  if (ec || r.compare(0, b.size(), b) != 0 || !fs::is_regular_file(real, ec)) return "";
  return r;
}

std::string inject(const std::string& html, const std::string& errors) {
  std::string out = html;
  std::string script = std::string("<script src=\"") + kScript + "\"></script>\n";
  std::size_t body_end = out.rfind("</body>");
  out.insert(body_end == std::string::npos ? out.size() : body_end, script);
  if (!errors.empty()) {
    std::string overlay =
        "<div id=\"minhbach-errors\" role=\"alert\" style=\"position:fixed;inset:0;overflow:auto;z-index:9999;"
        "background:rgba(20,20,20,.94);color:#fff;padding:1rem;font:14px/1.5 monospace\">"
        "<p style=\"font-weight:700;color:#ffb4b4\">Minh Bạch: the site has errors; this is the last good build.</p>"
        "<pre style=\"white-space:pre-wrap\">" + escape_xml(errors) + "</pre></div>\n";
    std::size_t body = out.find("<body>");
    out.insert(body == std::string::npos ? 0 : body + 6, overlay);
  }
  return out;
}

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  char tmpl[] = "/tmp/minhbach-serve-XXXXXX";
  if (options.output.empty() && !::mkdtemp(tmpl)) {
    err << "minhbach: cannot create a folder for the preview in /tmp\n";
    return 2;
  }
  const std::string work = options.output.empty() ? std::string(tmpl) : std::string();
  const std::string site_dir = options.output.empty() ? work + "/site" : options.output;
  State state;
  WorkerPool pool(options.jobs);
  site::RenderCache cache;
  output::Mirror mirror(site_dir);
  state.errors = rebuild(options, mirror, pool, cache, state.base_path, out, err);
  if (!fs::exists(site_dir)) {
    // No good build yet: serve an empty site whose pages are all the overlay.
    fs::create_directories(site_dir);
    std::ofstream(site_dir + "/index.html") << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Minh Bạch</title></head><body></body></html>\n";
  }

  HttpServer http;
  // A thread per connection (up to one per descriptor we may open, at most
  // 4,096), so that open tabs' live-reload streams and slow or idle clients
  // never keep a request waiting for a thread.
  const rlim_t open_files = raise_open_files_limit();
  const std::size_t max_threads = static_cast<std::size_t>(std::clamp<rlim_t>(open_files, 128, 4160) - 64);
  http.new_task_queue = [max_threads] { return new PoolQueue(max_threads); };
  // A connection that sends nothing is closed after 2 s (httplib: 5), one
  // stalled in the middle of its request after 3 s without a byte; no route
  // takes a body, so a request may not carry more than 64 KB of one.
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(3, 0);
  http.set_write_timeout(5, 0);
  http.set_payload_max_length(64 * 1024);
  http.Get(kScript, [](const httplib::Request&, httplib::Response& res) { res.set_content(kReloadJs, "text/javascript"); });
  http.Get(kEvents, [&state](const httplib::Request&, httplib::Response& res) {
    unsigned long seen;
    {
      std::lock_guard lock(state.mutex);
      seen = state.generation;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider("text/event-stream", [&state, seen](std::size_t, httplib::DataSink& sink) mutable {
      std::unique_lock lock(state.mutex);
      state.changed.wait_for(lock, std::chrono::seconds(15), [&] { return state.generation != seen || g_stop; });
      if (g_stop) return false;
      std::string message = state.generation != seen ? "data: reload\n\n" : ": keep-alive\n\n";
      seen = state.generation;
      lock.unlock();
      return sink.write(message.data(), message.size());
    });
  });
  http.Get(R"(/.*)", [&state, &site_dir](const httplib::Request& req, httplib::Response& res) {
    std::string base, errors;
    {
      std::lock_guard lock(state.mutex);
      base = state.base_path;
      errors = state.errors;
    }
    std::string path = req.path;
    std::string file;
    if (path.compare(0, base.size(), base) == 0) file = resolve(site_dir, "/" + path.substr(base.size()));
    if (file.empty()) {
      res.status = 404;
      std::string page = resolve(site_dir, path.rfind(base + "en/", 0) == 0 ? "/en/404.html" : "/404.html");
      std::string html = page.empty() ? "<!DOCTYPE html><html><body><p>Not found</p></body></html>" : read_file(page);
      res.set_content(inject(html, errors), "text/html; charset=utf-8");
      return;
    }
    std::string body = read_file(file);
    const char* type = mime(file);
    if (std::string(type).rfind("text/html", 0) == 0) body = inject(body, errors);
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(body), type);
  });

  if (!http.bind_to_port(options.host, options.port)) {
    err << "minhbach: cannot listen on " << options.host << ":" << options.port
        << " (the port may be in use; choose another with --port)\n";
    if (!work.empty()) fs::remove_all(work);
    return 2;
  }
  http.deepen_backlog();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::thread listener([&http] { http.listen_after_bind(); });
  if (options.host != "127.0.0.1" && options.host != "localhost" && options.host != "::1")
    out << "warning: serving on " << options.host << ", reachable from other machines\n";
  out << "Serving " << options.root << " at http://" << options.host << ":" << options.port << state.base_path
      << " (Ctrl+C to stop)\n" << std::flush;

  Watcher watcher(options.root, {"content", "data", "themes", "templates", "static", "site.yaml"});
  if (!watcher.ok()) err << "minhbach: cannot watch the files (inotify); pages will not rebuild\n";
  while (!g_stop) {
    std::vector<std::string> changed = watcher.ok() ? watcher.wait(std::chrono::milliseconds(100), g_stop)
                                                    : std::vector<std::string>{};
    if (g_stop) break;
    if (changed.empty()) {
      if (!watcher.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
      continue;
    }
    if (!options.quiet) out << "changed: " << changed.front() << (changed.size() > 1 ? " and others" : "") << "\n";
    std::string base;
    std::string errors = rebuild(options, mirror, pool, cache, base, out, err);
    {
      std::lock_guard lock(state.mutex);
      state.errors = errors;
      if (!base.empty()) state.base_path = base;
      ++state.generation;
    }
    state.changed.notify_all();
  }
  state.changed.notify_all();
  http.stop();  // closes the listening socket: nothing new is accepted
  shut_down_connections(options.port);
  listener.join();  // waits for the connections' threads
  if (!work.empty()) fs::remove_all(work);
  out << "stopped\n";
  return 0;
}

}  // namespace mb::server
