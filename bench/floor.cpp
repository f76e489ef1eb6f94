// The floor of a build: read every content file, render every Markdown body
// with cmark-gfm (through Minh Bạch's markdown module, as the build does) on
// all cores, and write all output. Nothing else: no front matter, no
// templates, no lists. Usage: minhbach_floor CONTENT_DIR OUT_DIR [MANIFEST]
//
// Without MANIFEST, the output is one HTML file per input. With it (lines of
// "SIZE PATH", bench/run.sh lists minhbach's output), the output is those
// files: the same paths, folders and sizes as the site's, filled with the
// rendered bodies. Writing 12,000 files in 13,000 folders costs much more
// than writing 9,500 in a few hundred, and any generator with this URL
// scheme pays it, so that is the floor the issue asks for.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/allocator.hpp"
#include "core/diagnostic.hpp"
#include "core/source_file.hpp"
#include "markdown/render.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  mb::tune_allocator();
  mb::commit_thread_memory_at_once();
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: minhbach_floor CONTENT_DIR OUT_DIR [MANIFEST]\n");
    return 2;
  }
  std::vector<std::pair<std::size_t, std::string>> manifest;  // size, path
  if (argc == 4) {
    std::ifstream in(argv[3]);
    std::size_t size;
    std::string path;
    while (in >> size && std::getline(in >> std::ws, path)) manifest.emplace_back(size, path);
  }
  std::string rendered;  // every body, to fill the manifest's files with
  std::mutex rendered_mutex;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(argv[1]))
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  mb::markdown::initialize();
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < files.size();) {
      std::ifstream in(files[i], std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      mb::SourceFile file(files[i].string(), text.str());
      std::size_t end = file.text().find("\n---\n", 4);
      std::size_t body = end == std::string::npos ? 0 : end + 5;
      mb::Diagnostics diags;
      mb::markdown::Output out = mb::markdown::render(file, body, {}, diags);
      if (!manifest.empty()) {
        std::lock_guard lock(rendered_mutex);
        rendered += out.html;
        continue;
      }
      fs::path target = fs::path(argv[2]) / fs::relative(files[i], argv[1]);
      target.replace_extension(".html");
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << out.html;
    }
  };
  std::atomic<std::size_t> next_out{0};
  auto write = [&] {
    for (std::size_t i; (i = next_out++) < manifest.size();) {
      const auto& [size, path] = manifest[i];
      fs::path target = fs::path(argv[2]) / path;
      fs::create_directories(target.parent_path());
      std::ofstream out(target, std::ios::binary);
      for (std::size_t left = size; left > 0;) {
        std::size_t n = std::min(left, rendered.size());
        out.write(rendered.data(), static_cast<std::streamsize>(n));
        left -= n;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  if (!manifest.empty()) {
    if (rendered.empty()) rendered = "<p></p>\n";
    threads.clear();
    for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) threads.emplace_back(write);
    write();
    for (std::thread& t : threads) t.join();
  }
  std::printf("%zu bodies\n", files.size());
  return 0;
}
