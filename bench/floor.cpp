// The floor of a build: read every content file, render every Markdown body
// with cmark-gfm (through Minh Bạch's markdown module, as the build does) on
// all cores, and write one HTML file per input. Nothing else: no front
// matter, no templates, no lists. Usage: minhbach_floor CONTENT_DIR OUT_DIR
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"
#include "markdown/render.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: minhbach_floor CONTENT_DIR OUT_DIR\n");
    return 2;
  }
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
      fs::path target = fs::path(argv[2]) / fs::relative(files[i], argv[1]);
      target.replace_extension(".html");
      fs::create_directories(target.parent_path());
      std::ofstream(target, std::ios::binary) << out.html;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::max(1u, std::thread::hardware_concurrency()); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  std::printf("%zu bodies\n", files.size());
  return 0;
}
