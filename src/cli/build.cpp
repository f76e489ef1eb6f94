#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <optional>
#include <mutex>
#include <ostream>

#include "cli/cli.hpp"
#include "config/site_config.hpp"
#include "core/file_system.hpp"
#include "core/worker_pool.hpp"
#include "output/publish.hpp"
#include "site/pipeline.hpp"

namespace mb::cli {

namespace {

class StageTimer {
 public:
  StageTimer(bool verbose, std::ostream& out) : m_verbose(verbose), m_out(out) {}
  void done(const char* stage) {
    auto now = std::chrono::steady_clock::now();
    if (m_verbose)
      m_out << "  " << stage << ": "
            << std::chrono::duration_cast<std::chrono::microseconds>(now - m_last).count() / 1000.0 << " ms\n";
    m_last = now;
  }
  double total_ms() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_start).count() / 1000.0;
  }

 private:
  bool m_verbose;
  std::ostream& m_out;
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point m_last = m_start;
};

std::string json_line(const Diagnostic& d) {
  nlohmann::json j = {{"severity", d.severity == Severity::error ? "error" : "warning"},
                      {"path", d.path},
                      {"line", d.line},
                      {"column", d.column},
                      {"message", d.message}};
  if (!d.hint.empty()) j["hint"] = d.hint;
  if (!d.notes.empty()) j["notes"] = d.notes;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Prints every diagnostic and returns the exit code they call for.
int report(const Diagnostics& diags, const BuildOptions& options, std::ostream& err) {
  std::vector<Diagnostic> sorted = diags.all();
  sort_diagnostics(sorted);
  for (const Diagnostic& d : sorted) err << (options.json ? json_line(d) : format_diagnostic(d));
  if (!options.json && (diags.error_count() || diags.warning_count())) {
    auto plural = [](std::size_t n, const char* word) {
      return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    err << plural(diags.error_count(), "error") << ", " << plural(diags.warning_count(), "warning") << "\n";
  }
  return diags.has_errors() ? kContentError : kOk;
}

// "12 MB in 174 files, largest shard 138 KB": what the whole index weighs,
// and about the most of its terms one query word makes a reader download.
std::string search_summary(const site::RenderStats& stats, int lang) {
  auto kb = [](std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; };
  return kb(stats.search_index_bytes[lang]) + " in " + std::to_string(stats.search_index_files[lang]) +
         " files, largest shard " + kb(stats.search_largest_shard[lang]);
}

}  // namespace

int build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& root = options.source;
  const std::string out_dir = options.output.empty() ? join_path(root, "public") : options.output;
  RealFileSystem fs;
  Diagnostics diags;
  StageTimer timer(options.verbose, out);
  WorkerPool pool(options.jobs);

  if (!fs.is_file(join_path(root, "site.yaml"))) {
    err << "minhbach: no site.yaml in '" << root << "'\n"
        << "  hint: run minhbach in a site folder, or name one with --source\n";
    return kUsageError;
  }
  if (!options.base_url.empty()) {
    std::string origin, path;
    if (!config::split_base_url(options.base_url, origin, path)) {
      err << "minhbach: --base-url must be an absolute http(s) URL, e.g. https://example.gov.vn/bao-cao/\n";
      return kUsageError;
    }
  }
  // On a terminal, a long build shows its stage and pages done; piped output stays clean.
  const bool live = !options.quiet && ::isatty(STDERR_FILENO);
  std::mutex progress_mutex;
  auto last_print = std::chrono::steady_clock::now();
  auto progress = [&](std::size_t done, std::size_t total) {
    std::lock_guard lock(progress_mutex);
    auto now = std::chrono::steady_clock::now();
    if (done != total && now - last_print < std::chrono::milliseconds(100)) return;
    last_print = now;
    err << "\r\x1b[Krender: " << done << "/" << total << " pages" << (done == total ? "\r\x1b[K" : "") << std::flush;
  };
  // Pages are written into the staging folder as they are rendered, so none
  // stays in memory; nothing replaces out_dir unless the whole build succeeds.
  std::optional<output::Publisher> publisher;
  if (options.write) publisher.emplace(out_dir);
  site::PipelineOptions pipeline{root, options.base_url,
                                 [&](const char* stage) {
                                   timer.done(stage);
                                   if (live) err << "\r\x1b[K" << stage << " done" << std::flush;
                                 },
                                 live ? site::Progress(progress) : site::Progress(),
                                 nullptr,
                                 publisher ? site::PageSink([&](const OutputFile& f) { publisher->add(f); })
                                           : site::PageSink()};
  site::PipelineResult result = site::run_pipeline(pool, fs, pipeline, diags);
  if (live) err << "\r\x1b[K" << std::flush;
  if (!result.ok || !options.write) return report(diags, options, err);
  if (!result.history && !options.quiet)
    out << "note: no git history for " << root << "; pages show no last-modified date\n";
  const std::vector<OutputFile>& files = result.files;
  const site::RenderStats& stats = result.stats;

  pool.parallel_for(files.size(), [&](std::size_t i, unsigned) { publisher->add(files[i]); });
  output::PublishResult published = publisher->commit(output::Retire::background);
  timer.done("write");
  if (!published.ok) {
    report(diags, options, err);
    err << "minhbach: cannot write the site: " << published.error << "\n"
        << "  " << out_dir << " was left as it was\n";
    return kUsageError;
  }
  int code = report(diags, options, err);
  if (!options.quiet) {
    out << "Built " << stats.pages << " pages (" << published.written + published.unchanged << " files, "
        << published.written << " written, " << published.unchanged << " unchanged) into " << out_dir << " in " << static_cast<long>(timer.total_ms())
        << " ms\n"
        << "Search index: " << search_summary(stats, 0) << " (vi), " << search_summary(stats, 1) << " (en)\n"
        << "Open " << join_path(out_dir, "index.html") << " in a browser, or serve it with:\n"
        << "  python3 -m http.server --directory " << out_dir << " 8000   # then visit http://127.0.0.1:8000"
        << result.base_path << "\n";
  }
  return code;
}

}  // namespace mb::cli
