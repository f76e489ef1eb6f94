// Fuzz target: one content, data or config file read the way the pipeline
// reads it (UTF-8 check, line endings, NFC), classified by its path, its front
// matter split off and parsed into a typed Document, or a data/*.yaml
// catalogue or site.yaml parsed. The input's first line is the path
// (fuzz_common.hpp); inputs with a path nothing reads are rejected.
#include <cstddef>
#include <cstdint>

#include "config/site_config.hpp"
#include "content/catalogue.hpp"
#include "content/classify.hpp"
#include "content/front_matter.hpp"
#include "content/parse.hpp"
#include "core/file_system.hpp"
#include "fuzz_common.hpp"
#include "site/sources.hpp"

using namespace mb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::File in = fuzz::split_input(data, size);
  bool content = in.path.rfind("content/", 0) == 0;
  bool data_file = in.path == "data/indicators.yaml" || in.path == "data/fields.yaml" ||
                   in.path == "data/measures.yaml" || in.path == "data/documents.yaml";
  if (!content && !data_file && in.path != "site.yaml") return -1;

  Diagnostics diags;
  std::optional<content::Placement> place;
  if (content) {
    place = content::classify(in.path, diags);
    if (!place || place->role != content::Placement::Role::document) {
      fuzz::check_diagnostics(diags);
      return 0;
    }
  }

  MemoryFileSystem fs;
  fs.add(in.path, in.text);
  std::shared_ptr<const SourceFile> file = site::read_text(fs, "", in.path, diags);
  if (file) {
    if (place) {
      Diagnostics split_diags;
      if (auto split = content::split_front_matter(*file, split_diags)) {
        const std::size_t n = file->text().size();
        if (!(split->yaml_begin <= split->yaml_end && split->yaml_end <= split->body_begin && split->body_begin <= n))
          fuzz::fail("front matter split out of order", file->text());
      }
      fuzz::check_diagnostics(split_diags);
      std::optional<content::Document> doc = content::parse_document(file, *place, diags);
      if (doc && doc->body_offset > file->text().size()) fuzz::fail("body offset past the end", file->text());
    } else if (in.path == "site.yaml") {
      (void)config::parse(*file, diags);
    } else {
      content::Catalogue catalogue;
      if (in.path == "data/indicators.yaml") content::parse_indicators(file, catalogue, diags);
      if (in.path == "data/fields.yaml") content::parse_fields(*file, catalogue, diags);
      if (in.path == "data/measures.yaml") content::parse_measures(*file, catalogue, diags);
      if (in.path == "data/documents.yaml") content::parse_documents(*file, catalogue, diags);
    }
  }
  fuzz::check_diagnostics(diags);
  return 0;
}
