#include "server/preview.hpp"

#include <httplib.h>

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
#include "server/http.hpp"
#include "server/watcher.hpp"
#include "site/pipeline.hpp"

namespace mb::server {

namespace fs = std::filesystem;

namespace {

const char* kEvents = "/__minhbach/events";
const char* kScript = "/__minhbach/reload.js";
const char* kStatus = "/__minhbach/status";
// Each event names the pages that changed ("reload /a/ /en/a/"), or "*" for
// all of them: a tab reloads only when its own page is named.
const char* kReloadJs =
    "(function(){var s=new EventSource('/__minhbach/events');"
    "s.onmessage=function(e){var p=e.data.split(' ').slice(1),h=location.pathname.replace(/index\\.html$/,'');"
    "if(p.indexOf('*')>=0||p.indexOf(h)>=0)location.reload();};})();\n";

// The quiet spell after a change before building: long enough to gather the
// files of one save or checkout, short enough not to be felt.
constexpr std::chrono::milliseconds kQuiet{30};
// After a quick render, the full build that brings the search index and the
// translation status up to date waits for this long without a change, so that
// a burst of saves each takes the quick path.
constexpr std::chrono::milliseconds kSettle{1000};

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) { g_stop = true; }

// What every request thread reads and the rebuild loop writes.
struct State {
  std::mutex mutex;
  std::condition_variable changed;
  unsigned long generation = 0;
  std::string message;    // what changed in the last generation: " /a/ /en/a/", or " *" for everything
  bool settled = true;    // no change is waiting to be built
  unsigned long builds = 0;  // full builds and quick renders done, whether or not they changed a file
  std::string errors;     // the last failed build's diagnostics; "" after a good build
  std::string base_path;  // "/" or "/bao-cao/"
};

// The URL paths of the pages among `changed` output files (" /a/ /b.html"),
// or " *" when a stylesheet, script or other asset changed, which every page uses.
std::string reload_message(const std::vector<std::string>& changed, const std::string& base_path) {
  std::string message;
  for (const std::string& path : changed) {
    std::string_view p = path;
    if (p.ends_with(".html")) {
      if (p == "index.html" || p.ends_with("/index.html")) p.remove_suffix(10);
      message += " " + base_path + std::string(p);
    } else if (!p.ends_with(".json") && !p.ends_with(".xml") && !p.ends_with(".csv") && !p.ends_with(".txt")) {
      return " *";
    }
  }
  return message;
}

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

struct Outcome {
  std::string errors;                 // diagnostics as text, "" when the build succeeded
  std::vector<std::string> changed;   // output files written or removed
  std::shared_ptr<site::Retained> retained;  // the model, for the quick path; null after a failure
};

// One full build, brought into the preview folder in place. Pages whose
// inputs did not change are reused from the previous build, and only changed
// files are written.
Outcome rebuild(const ServeOptions& options, output::Mirror& mirror, WorkerPool& pool, site::RenderCache& cache,
                std::string& base_path, std::ostream& out, std::ostream& err) {
  RealFileSystem fs;
  Diagnostics diags;
  site::PipelineOptions pipeline{options.root, "http://" + options.host + ":" + std::to_string(options.port) + "/", {}, {},
                                 &cache, {}, true};
  auto started = std::chrono::steady_clock::now();
  site::PipelineResult result = site::run_pipeline(pool, fs, pipeline, diags);
  Outcome outcome;
  std::vector<Diagnostic> sorted = diags.all();
  sort_diagnostics(sorted);
  for (const Diagnostic& d : sorted) outcome.errors += format_diagnostic(d);
  err << outcome.errors;
  if (!result.ok) {
    if (outcome.errors.empty()) outcome.errors = "the build failed\n";
    return outcome;
  }
  outcome.errors.clear();  // warnings only: printed, not shown on the pages
  output::PublishResult published = mirror.update(result.files, pool);
  if (!published.ok) {
    outcome.errors = "cannot write the preview: " + published.error + "\n";
    return outcome;
  }
  base_path = result.base_path;
  outcome.changed = std::move(published.changed);
  outcome.retained = std::move(result.retained);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!options.quiet)
    out << "rebuilt in " << ms << " ms: " << cache.reused << " pages reused, " << published.written << " files changed\n"
        << std::flush;
  return outcome;
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
  // Watching starts before the first build, so that a file saved while it runs is built next.
  Watcher watcher(options.root, {"content", "data", "themes", "templates", "static", "site.yaml"});
  if (!watcher.ok()) err << "minhbach: cannot watch the files (inotify); pages will not rebuild\n";
  Outcome first = rebuild(options, mirror, pool, cache, state.base_path, out, err);
  state.errors = first.errors;
  std::shared_ptr<site::Retained> retained = std::move(first.retained);
  if (!fs::exists(site_dir)) {
    // No good build yet: serve an empty site whose pages are all the overlay.
    fs::create_directories(site_dir);
    std::ofstream(site_dir + "/index.html") << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Minh Bạch</title></head><body></body></html>\n";
  }

  HttpServer http;
  // A thread per connection (up to one per descriptor we may open, at most
  // 4,096), so that open tabs' live-reload streams and slow or idle clients
  // never keep a request waiting for a thread.
  const std::size_t open_files = raise_open_files_limit();
  const std::size_t max_threads = static_cast<std::size_t>(std::clamp<std::size_t>(open_files, 128, 4160) - 64);
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
      // A client that missed a generation cannot tell what changed in it: all of it may have.
      std::string message = state.generation == seen ? ": keep-alive\n\n"
                            : state.generation == seen + 1 ? "data: reload" + state.message + "\n\n"
                                                           : "data: reload *\n\n";
      seen = state.generation;
      lock.unlock();
      return sink.write(message.data(), message.size());
    });
  });
  // For tools and tests: whether the preview is up to date with the files.
  http.Get(kStatus, [&state](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(state.mutex);
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"generation\":" + std::to_string(state.generation) +
                        ",\"builds\":" + std::to_string(state.builds) +
                        ",\"settled\":" + (state.settled ? "true" : "false") +
                        ",\"errors\":" + (state.errors.empty() ? "false" : "true") + "}\n",
                    "application/json");
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

  // Publishes a generation: open tabs showing one of the changed pages reload.
  auto announce = [&](const std::string& errors, const std::vector<std::string>& changed, const std::string& base,
                      bool settled) {
    {
      std::lock_guard lock(state.mutex);
      if (!base.empty()) state.base_path = base;
      std::string message = errors != state.errors ? " *" : reload_message(changed, state.base_path);
      state.errors = errors;
      state.settled = settled;
      ++state.builds;
      if (!message.empty()) {
        state.message = std::move(message);
        ++state.generation;
      }
    }
    state.changed.notify_all();
  };
  RealFileSystem files;
  bool pending = false;  // a quick render left the search index and status page to a full build
  while (!g_stop) {
    if (!watcher.ok()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      continue;
    }
    Watcher::Changes changes = watcher.wait(kQuiet, g_stop, pending ? kSettle : std::chrono::milliseconds::max());
    if (g_stop) break;
    if (changes.paths.empty() && !pending) continue;
    {
      std::lock_guard lock(state.mutex);
      state.settled = false;
    }
    if (!changes.paths.empty()) {
      if (!options.quiet)
        out << "changed: " << changes.paths.front() << (changes.paths.size() > 1 ? " and others" : "") << "\n";
      bool good;
      {
        std::lock_guard lock(state.mutex);
        good = state.errors.empty();
      }
      std::optional<std::vector<OutputFile>> pages;
      if (retained && good) pages = site::quick_render(*retained, files, changes.paths);
      if (pages) {
        output::PublishResult written = mirror.write(*pages);
        if (written.ok) {
          auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - changes.first);
          if (!options.quiet)
            out << "rebuilt " << pages->size() << " pages " << ms.count()
                << " ms after the change; the search index follows\n" << std::flush;
          announce("", written.changed, "", false);
          pending = true;
          continue;
        }
      }
      retained.reset();  // a refused quick render may have changed the model: the full build makes it again
    }
    std::string base;
    Outcome outcome = rebuild(options, mirror, pool, cache, base, out, err);
    retained = std::move(outcome.retained);
    pending = false;
    announce(outcome.errors, outcome.changed, base, true);
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
