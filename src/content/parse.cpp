#include "content/parse.hpp"

#include "core/hash.hpp"

#include <algorithm>

#include "content/fields.hpp"
#include "content/front_matter.hpp"
#include "content/keys.hpp"
#include "yaml/read.hpp"

namespace mb::content {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string vietnamese_twin_path(const std::string& path) {
  std::string p = path;
  std::size_t at = p.rfind(".en.md");
  if (at != std::string::npos) p.replace(at, 6, ".vi.md");
  return p;
}

// Explains keys that exist, but not in this file: the heart of "numbers live once".
std::optional<yaml::KeyProblem> misplaced_key(const Document& doc, const std::string& key) {
  const KeySet& keys = keys_of(doc.kind);
  if (doc.lang == Lang::en && contains(keys.neutral, key))
    return yaml::KeyProblem{
        "'" + key + "' is a language-neutral value and belongs in the Vietnamese file",
        "move it to " + vietnamese_twin_path(doc.path()) +
            "; the English page shows the same value in English format"};
  if (doc.lang == Lang::vi && key == "notes" && doc.kind != Kind::home && doc.kind != Kind::page)
    return yaml::KeyProblem{"'notes' belongs in the English twin",
                            "in the Vietnamese file write a note beside its value: {value: 14000, note: hơn}"};
  return std::nullopt;
}

void read_common(const yaml::Reader& r, const yaml::Node& root, Document& doc) {
  if (const yaml::Node* n = root.find("title")) {
    if (auto t = r.text(*n, "title")) {
      doc.title = *t;
      if (doc.title.empty()) r.error(*n, "'title' must not be empty", "write the page's title after 'title:'");
    }
  }
  if (const yaml::Node* n = root.find("summary"))
    if (auto t = r.text(*n, "summary")) doc.summary = *t;
  if (const yaml::Node* n = root.find("translation_of"))
    if (auto t = r.text(*n, "translation_of")) doc.translation_of = {*t, n->offset};
  if (const yaml::Node* n = root.find("notes"); n && r.expect_map(*n, "notes")) {
    for (const auto& [k, v] : n->entries)
      if (auto t = r.text(v, k.value)) doc.notes[k.value] = *t;
  }
}

void check_required(const yaml::Reader& r, const yaml::Node& root, const Document& doc) {
  std::vector<std::string> required =
      doc.lang == Lang::vi ? keys_of(doc.kind).required_vi : std::vector<std::string>{"title"};
  for (const std::string& key : required)
    if (!root.find(key)) r.missing(root, key, "");
}

}  // namespace

std::string short_hash(std::uint64_t text_hash) {
  return hash_hex(text_hash).substr(0, 12);
}

std::string Document::source_hash() const {
  // The translation status page asks for every page's hash in each language.
  return hash.empty() ? short_hash(hash_bytes(source->text())) : hash;
}

std::optional<Document> parse_document(std::shared_ptr<const SourceFile> source, const Placement& place,
                                       Diagnostics& diags) {
  const SourceFile& file = *source;
  std::optional<Split> split = split_front_matter(file, diags);
  if (!split) return std::nullopt;

  Document doc;
  doc.kind = place.kind;
  doc.lang = place.lang;
  doc.locality = place.locality;
  doc.slug = place.slug;
  doc.source = std::move(source);
  doc.body_offset = split->body_begin;

  yaml::Node root;
  std::size_t before = diags.error_count();
  // A syntax error leaves nothing trustworthy to check keys against.
  if (!yaml::parse(file, split->yaml_begin, split->yaml_end, root, diags)) return std::nullopt;
  yaml::Reader r{file, diags};
  yaml::check_keys(r, root, allowed_keys(doc.kind, doc.lang), "front-matter key",
                   [&](const std::string& key) { return misplaced_key(doc, key); });
  check_required(r, root, doc);
  read_common(r, root, doc);
  switch (doc.kind) {
    case Kind::locality: read_locality(r, root, doc); break;
    case Kind::report: read_report(r, root, doc); break;
    case Kind::initiative: read_initiative(r, root, doc); break;
    case Kind::page: read_page(r, root, doc); break;
    case Kind::home: break;
  }
  if (diags.error_count() > before) return std::nullopt;
  return doc;
}

}  // namespace mb::content
