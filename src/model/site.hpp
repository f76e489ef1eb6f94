// The Site: every document paired with its twin, cross-references resolved
// and checked. Built once, then read-only while pages render in parallel.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/catalogue.hpp"
#include "content/document.hpp"
#include "core/diagnostic.hpp"

namespace mb::model {

// One page in both languages. `en` is null when the page is not translated.
struct Page {
  content::Kind kind = content::Kind::page;
  std::string locality;
  std::string slug;
  const content::Document* vi = nullptr;
  const content::Document* en = nullptr;

  const content::Document& in(Lang lang) const { return lang == Lang::en && en ? *en : *vi; }
  bool translated() const { return en != nullptr; }
};

struct Locality {
  const Page* page = nullptr;
  std::vector<const Page*> reports;      // newest period first
  std::vector<const Page*> initiatives;  // by year, newest first, then slug
};

struct Site {
  Site() = default;
  Site(Site&&) = default;
  Site& operator=(Site&&) = default;
  Site(const Site&) = delete;  // pages point into documents

  std::vector<content::Document> documents;
  content::Catalogue catalogue;
  std::set<std::string> attachments;  // paths relative to content/, "localities/x/files/a.pdf", in NFC
  std::map<std::string, std::string> attachment_files;  // an attachment's name on disk, where not in NFC
  std::set<std::string> unreadable;   // content and data files that failed to parse (already reported)

  std::vector<Page> pages;  // home, localities, reports, initiatives, free pages; sorted by source path
  const Page* home = nullptr;
  std::vector<Locality> localities;    // by slug; the site sorts by name for display
  std::vector<const Page*> free_pages; // by weight, then slug

  const Locality* locality(const std::string& slug) const;
  const Page* find(content::Kind kind, const std::string& locality, const std::string& slug) const;
};

struct Inputs {
  std::vector<content::Document> documents;
  content::Catalogue catalogue;
  std::vector<std::string> attachments;                 // relative to content/, in NFC
  std::map<std::string, std::string> attachment_files;  // NFC name → name on disk, where they differ
  std::set<std::string> unreadable;      // content and data files that exist but failed to parse
};

// Pairs twins, resolves references, orders lists. Reports every broken
// reference; the returned Site is complete only when no error was added.
Site build(Inputs inputs, Diagnostics& diags);

}  // namespace mb::model
