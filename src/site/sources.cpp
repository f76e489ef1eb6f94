#include "site/sources.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "content/catalogue.hpp"
#include "content/parse.hpp"
#include "core/hash.hpp"
#include "i18n/text.hpp"

namespace mb::site {

namespace {

constexpr std::size_t kMaxTextFile = 8 * 1024 * 1024;

// The diagnostic for a file that is not UTF-8: the line holding the first
// bad byte, with every byte that is not valid UTF-8 shown as U+FFFD.
Diagnostic invalid_utf8(const std::string& path, const std::string& raw, std::size_t bad) {
  std::size_t start = raw.rfind('\n', bad == 0 ? 0 : bad - 1);
  start = (start == std::string::npos || bad == 0) ? 0 : start + 1;
  std::size_t end = raw.find('\n', bad);
  if (end == std::string::npos) end = raw.size();
  std::string shown;
  int column = 1;
  for (std::size_t i = start; i < end;) {
    std::size_t len = 1;
    while (len < 4 && i + len <= end && !is_valid_utf8(std::string_view(raw).substr(i, len))) ++len;
    bool ok = i + len <= end && is_valid_utf8(std::string_view(raw).substr(i, len));
    if (!ok) len = 1;
    shown += ok ? raw.substr(i, len) : "\xEF\xBF\xBD";
    if (i < bad) ++column;
    i += len;
  }
  int line = 1 + static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
  return {Severity::error,
          path,
          line,
          column,
          "file is not valid UTF-8",
          shown,
          1,
          "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)",
          {}};
}

// The diagnostic for an invisible control character; the line is shown with
// each such character as U+FFFD, so the terminal shows where it is.
Diagnostic control_character(const SourceFile& file, std::size_t at, char32_t code) {
  Position pos = file.position(at);
  std::string line(file.line_text(pos.line)), shown;
  for (std::size_t i = 0;;) {
    std::size_t bad = find_control_character(std::string_view(line).substr(i));
    if (bad == std::string::npos) {
      shown += line.substr(i);
      break;
    }
    shown += line.substr(i, bad) + "\xEF\xBF\xBD";
    unsigned char c = static_cast<unsigned char>(line[i + bad]);
    i += bad + (c < 0x80 ? 1 : c == 0xC2 ? 2 : 3);
  }
  return {Severity::error,
          file.path(),
          pos.line,
          pos.column,
          "control character " + code_point_name(code) + " in the text",
          shown,
          1,
          "delete it: it is invisible, and pages and feeds cannot carry it (it often comes with text copied "
          "out of a PDF or a word processor)",
          {}};
}

}  // namespace

std::shared_ptr<SourceFile> read_text(const FileSystem& fs, const std::string& root, const std::string& path,
                                      Diagnostics& diags) {
  auto too_large = [&](std::uintmax_t size) {
    diags.add({Severity::error,
               path,
               1,
               1,
               "file is too large (" + std::to_string(size / (1024 * 1024)) + " MB; the limit is " +
                   std::to_string(kMaxTextFile / (1024 * 1024)) + " MB)",
               {},
               1,
               "split the text into several pages, or attach the document as a file",
               {}});
    return nullptr;
  };
  // Refused before reading: a file of gigabytes must not be held in memory.
  std::string error;
  std::uintmax_t size = 0;
  std::optional<std::string> raw = fs.read_at_most(join_path(root, path), kMaxTextFile, size, &error);
  if (!raw && error.empty()) return too_large(size);
  if (!raw) {
    diags.error(path, "cannot read file: " + error, "make the file readable by the user who runs minhbach (chmod a+r)");
    return nullptr;
  }
  Utf8Scan scan = scan_utf8(*raw);
  if (!scan.valid) {
    diags.add(invalid_utf8(path, *raw, scan.bad));
    return nullptr;
  }
  // Most files are plain: one pass has checked them, and ICU is not needed.
  std::string text = normalize_line_endings(std::move(*raw));
  if (!scan.plain) text = i18n::to_nfc(std::move(text));
  auto file = std::make_shared<SourceFile>(path, std::move(text));
  char32_t code = 0;
  if (std::size_t at = scan.plain ? std::string::npos : find_control_character(file->text(), &code);
      at != std::string::npos) {
    diags.add(control_character(*file, at, code));
    return nullptr;
  }
  return file;
}

std::optional<config::SiteConfig> load_config(const FileSystem& fs, const std::string& root, Diagnostics& diags) {
  auto file = read_text(fs, root, "site.yaml", diags);
  if (!file) return std::nullopt;
  std::size_t before = diags.error_count();
  config::SiteConfig config = config::parse(*file, diags);
  if (diags.error_count() > before) return std::nullopt;
  return config;
}

Sources scan_sources(const FileSystem& fs, const std::string& root, Diagnostics& diags, WorkerPool* pool) {
  Sources out;
  std::vector<std::string> links;
  std::vector<Unreadable> unreadable;
  std::vector<std::pair<std::string, content::Placement>> texts;  // content files to read
  for (const std::string& rel : fs.list_files(join_path(root, "content"), &links, &unreadable)) {
    std::string path = "content/" + rel;
    std::optional<content::Placement> place = content::classify(path, diags);
    if (!place || place->role == content::Placement::Role::ignored) continue;
    if (place->role == content::Placement::Role::attachment)
      out.attachments.push_back(rel);
    else
      texts.emplace_back(std::move(path), *place);
  }
  // Reading is checking UTF-8 and normalizing too: worth all cores.
  std::vector<std::shared_ptr<SourceFile>> read(texts.size());
  std::vector<Diagnostics> local(texts.size());
  auto read_one = [&](std::size_t i, unsigned) { read[i] = read_text(fs, root, texts[i].first, local[i]); };
  if (pool)
    pool->parallel_for(texts.size(), read_one);
  else
    for (std::size_t i = 0; i < texts.size(); ++i) read_one(i, 0);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    diags.append(local[i]);
    if (read[i]) {
      out.documents.push_back(std::move(read[i]));
      out.placements.push_back(texts[i].second);
    } else {
      out.unreadable.push_back(texts[i].first);
    }
  }
  for (const std::string& link : links)
    diags.add({Severity::error,
               "content/" + link,
               1,
               1,
               "symbolic links are not followed in content/",
               {},
               1,
               "copy the file into the site instead of linking to it",
               {}});
  report_unreadable("content", unreadable, diags);
  std::vector<std::string> data_links;
  std::vector<Unreadable> data_unreadable;
  fs.list_files(join_path(root, "data"), &data_links, &data_unreadable);
  report_unreadable("data", data_unreadable, diags);
  for (const std::string& link : data_links)
    diags.add({Severity::error,
               "data/" + link,
               1,
               1,
               "symbolic links are not followed in data/",
               {},
               1,
               "copy the file into the site instead of linking to it",
               {}});
  auto data_file = [&](const char* name) -> std::shared_ptr<const SourceFile> {
    std::string path = std::string("data/") + name;
    bool link = std::find(data_links.begin(), data_links.end(), name) != data_links.end();
    std::shared_ptr<const SourceFile> file;
    if (!link && fs.is_file(join_path(root, path))) file = read_text(fs, root, path, diags);
    if (!file && (link || fs.is_file(join_path(root, path)))) out.unreadable.push_back(path);
    return file;
  };
  out.indicators = data_file("indicators.yaml");
  out.fields = data_file("fields.yaml");
  out.measures = data_file("measures.yaml");
  out.glossary = data_file("documents.yaml");
  return out;
}

model::Inputs parse_sources(WorkerPool& pool, const Sources& sources, Diagnostics& diags) {
  model::Inputs inputs;
  // Each document is parsed into its place by a worker; the ones that failed
  // are then closed up, so a site without errors moves none of them (at 50k
  // pages, moving 62,000 documents one by one was a serial tenth of a second).
  std::vector<content::Document> documents(sources.documents.size());
  std::vector<char> parsed(sources.documents.size(), 0);
  std::vector<Diagnostics> local(sources.documents.size());
  // Eight at a time (four of them Vietnamese, as a rule), so that their
  // source hashes are computed side by side.
  constexpr std::size_t kChunk = 8;
  pool.parallel_for((sources.documents.size() + kChunk - 1) / kChunk, [&](std::size_t chunk, unsigned) {
    std::size_t end = std::min(sources.documents.size(), (chunk + 1) * kChunk);
    std::array<std::string_view, kChunk> texts;
    std::array<content::Document*, kChunk> hashed;
    std::size_t count = 0;
    for (std::size_t i = chunk * kChunk; i < end; ++i) {
      std::optional<content::Document> d =
          content::parse_document(sources.documents[i], sources.placements[i], local[i]);
      if (!d) continue;
      documents[i] = std::move(*d);
      parsed[i] = 1;
      if (documents[i].lang == Lang::vi) {
        texts[count] = documents[i].source->text();
        hashed[count++] = &documents[i];
      }
    }
    std::array<std::uint64_t, kChunk> hashes;
    hash_each(texts.data(), count, hashes.data());
    for (std::size_t k = 0; k < count; ++k) hashed[k]->hash = content::short_hash(hashes[k]);
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    diags.append(local[i]);
    if (!parsed[i]) {
      inputs.unreadable.insert(sources.documents[i]->path());
      continue;
    }
    if (kept != i) documents[kept] = std::move(documents[i]);
    ++kept;
  }
  documents.erase(documents.begin() + static_cast<std::ptrdiff_t>(kept), documents.end());
  inputs.documents = std::move(documents);
  // A data file that is not YAML is reported once; model checks skip the
  // references into it instead of calling every id unknown.
  if (sources.indicators && !content::parse_indicators(sources.indicators, inputs.catalogue, diags))
    inputs.unreadable.insert(sources.indicators->path());
  if (sources.fields && !content::parse_fields(*sources.fields, inputs.catalogue, diags))
    inputs.unreadable.insert(sources.fields->path());
  if (sources.measures && !content::parse_measures(*sources.measures, inputs.catalogue, diags))
    inputs.unreadable.insert(sources.measures->path());
  if (sources.glossary && !content::parse_documents(*sources.glossary, inputs.catalogue, diags))
    inputs.unreadable.insert(sources.glossary->path());
  inputs.unreadable.insert(sources.unreadable.begin(), sources.unreadable.end());
  // Links and front matter are read in NFC, so attachments are known by
  // their names in NFC too: a file named in NFD (as some macOS tools and
  // archives write names) is found by the link an editor types. It is still
  // read under its name on disk, and published under the NFC one.
  inputs.attachments.reserve(sources.attachments.size());
  std::map<std::string, std::string> seen;  // NFC name → name on disk
  for (const std::string& a : sources.attachments) {
    std::string name = is_valid_utf8(a) ? i18n::to_nfc(a) : a;
    if (auto [it, added] = seen.emplace(name, a); !added) {
      diags.error("content/" + a,
                  "attachment has the same name as content/" + it->second +
                      " once both are written in Unicode NFC (they differ only in how accents are encoded)",
                  "delete one of the two files");
      continue;
    }
    if (name != a) inputs.attachment_files.emplace(name, a);
    inputs.attachments.push_back(std::move(name));
  }
  return inputs;
}

void normalize_theme(theme::Theme& theme) {
  for (auto& [name, text] : theme.templates) text = i18n::to_nfc(std::move(text));
  // Keys too: the qualifiers are keyed by the Vietnamese word ("hơn").
  auto nfc = [](std::map<std::string, std::string>& map) {
    std::map<std::string, std::string> out;
    for (auto& [key, text] : map) out[i18n::to_nfc(key)] = i18n::to_nfc(text);
    map = std::move(out);
  };
  for (theme::StringTable& table : theme.tables) {
    nfc(table.strings);
    nfc(table.paths);
    nfc(table.qualifiers);
  }
}

}  // namespace mb::site
