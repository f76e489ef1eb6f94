// Fuzz target: a whole site rendered from arbitrary content. The input is one
// file (first line its path, fuzz_common.hpp) added to, or replacing a file
// of, the small base site in tests/fuzz/site/, and the pipeline's stages run
// on it in memory exactly as site::run_pipeline() calls them: config, scan,
// parse, model, indicators, render. Two things are done once, at start-up,
// because they would cost more than the rest together and no content file
// changes them: the theme (default, with its SCSS) is loaded from the
// repository, and git history is a fixed table instead of `git log`.
// Besides crashes and sanitizer findings, it fails when a page links to a
// forbidden scheme, holds a <script> the theme did not write, or a JSON file
// of the output does not parse.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "config/site_config.hpp"
#include "core/file_system.hpp"
#include "core/worker_pool.hpp"
#include "fuzz_common.hpp"
#include "indicators/series.hpp"
#include "model/site.hpp"
#include "site/history.hpp"
#include "site/render.hpp"
#include "site/sources.hpp"
#include "theme/theme.hpp"

#ifndef MB_SOURCE_DIR
#error "MB_SOURCE_DIR must name the repository (tests/fuzz/CMakeLists.txt)"
#endif

using namespace mb;

namespace {

struct Base {
  std::map<std::string, std::string> files;  // the base site, by path relative to its root
  theme::Theme theme;
  site::History history;
};

const Base& base() {
  static const Base b = [] {
    Base b;
    RealFileSystem disk;
    const std::string root = std::string(MB_SOURCE_DIR) + "/tests/fuzz/site";
    for (const std::string& rel : disk.list_files(root, nullptr)) b.files[rel] = *disk.read(join_path(root, rel), nullptr);
    Diagnostics diags;
    config::SiteConfig config;
    b.theme = theme::load(disk, MB_SOURCE_DIR, config, diags);
    b.history.available = true;
    b.history.dates["content/_index.vi.md"] = Date{2024, 3, 1};
    b.history.dates["content/localities/truong-thi/reports/2023-chi-thi-33.vi.md"] = Date{2023, 7, 5};
    if (diags.has_errors() || b.files.empty()) {
      for (const Diagnostic& d : diags.all()) std::fputs(format_diagnostic(d).c_str(), stderr);
      fuzz::fail("cannot load the theme or the base site from " + std::string(MB_SOURCE_DIR));
    }
    return b;
  }();
  return b;
}

void check_scripts(std::string_view html, const std::string& where) {
  for (std::size_t at = html.find("<script"); at != std::string_view::npos; at = html.find("<script", at + 1)) {
    std::string_view rest = html.substr(at);
    if (rest.rfind("<script src=\"", 0) == 0) continue;
    const std::string_view json_ld = "<script type=\"application/ld+json\">";
    if (rest.rfind(json_ld, 0) != 0) fuzz::fail("a <script> the theme did not write in " + where, rest.substr(0, 120));
    std::size_t end = rest.find("</script>");
    if (end == std::string_view::npos || rest.substr(json_ld.size(), end - json_ld.size()).find('<') != std::string_view::npos)
      fuzz::fail("JSON-LD that can end its <script> early in " + where, rest.substr(0, 400));
  }
  for (const char* upper : {"<SCRIPT", "<Script", "<sCript"})
    if (html.find(upper) != std::string_view::npos) fuzz::fail(std::string(upper) + " in " + where);
}

// The stages of site::run_pipeline, on `fs`; returns the files when it rendered.
std::vector<OutputFile> build(const FileSystem& fs, Diagnostics& diags) {
  static WorkerPool pool(1);  // one thread: the same input always runs the same code
  const Base& b = base();
  std::optional<config::SiteConfig> config = site::load_config(fs, "", diags);
  if (!config) return {};
  site::Sources sources = site::scan_sources(fs, "", diags);
  model::Inputs inputs = site::parse_sources(pool, sources, diags);
  model::Site site = model::build(std::move(inputs), diags);
  indicators::Indicators indicators = indicators::build(site, diags);
  if (diags.has_errors()) return {};
  const std::string root;
  return site::render_site(pool, {site, *config, b.theme, indicators, b.history, root}, diags);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The base site alone must build without errors, or every input would stop
  // before rendering and the target would test nothing.
  MemoryFileSystem fs;
  for (const auto& [path, text] : base().files) fs.add(path, text);
  Diagnostics diags;
  std::vector<OutputFile> files = build(fs, diags);
  if (diags.has_errors() || files.empty()) {
    for (const Diagnostic& d : diags.all()) std::fputs(format_diagnostic(d).c_str(), stderr);
    fuzz::fail("the base site tests/fuzz/site does not build");
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::File in = fuzz::split_input(data, size);
  if (in.path.rfind("content/", 0) != 0 && in.path.rfind("data/", 0) != 0 && in.path != "site.yaml") return -1;
  MemoryFileSystem fs;
  for (const auto& [path, text] : base().files) fs.add(path, text);
  fs.add(in.path, in.text);

  Diagnostics diags;
  std::vector<OutputFile> files = build(fs, diags);
  fuzz::check_diagnostics(diags);
  for (const OutputFile& f : files) {
    auto ends_with = [&](std::string_view s) { return f.path.size() >= s.size() && f.path.compare(f.path.size() - s.size(), s.size(), s) == 0; };
    if (ends_with(".html")) {
      fuzz::check_link_schemes(f.data, f.path);
      check_scripts(f.data, f.path);
    } else if (ends_with(".json") && !nlohmann::json::accept(f.data)) {
      fuzz::fail(f.path + " is not valid JSON", f.data.substr(0, 400));
    }
  }
  return 0;
}
