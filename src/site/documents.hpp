// The documents reports cite (directives, conclusions, plans…): one page each,
// listing the reports that cite it. A national body's number names one
// document everywhere; a local body's number is a document of that locality.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "content/document_number.hpp"
#include "model/site.hpp"

namespace mb::site {

struct CitedDocument {
  content::DocumentNumber number;
  std::string key;       // its key in data/documents.yaml: "33/CT-TTg" or "41/KH-UBND@phu-tien"
  std::string slug;      // URL segment: "33-ct-ttg", "41-kh-ubnd-phu-tien"
  std::string locality;  // the citing locality, for a local body's document
  std::vector<const model::Page*> reports;
};

// Every cited document, sorted by slug; each report listed once, in page order.
std::vector<CitedDocument> cited_documents(const model::Site& site);

// Look-ups into the cited documents, which a national site has thousands of
// (a local body's documents are one per locality): each report's citations
// and each document page ask, so a scan of the list would grow with the
// square of the site.
class DocumentIndex {
 public:
  explicit DocumentIndex(const std::vector<CitedDocument>& docs);

  // The document with this slug (the list's order), or null.
  const CitedDocument* by_slug(std::string_view slug) const;
  // The document a report's citation `number` refers to: the locality's own
  // document of that number, else the national one, else null.
  const CitedDocument* find(const std::string& number, const std::string& locality) const;

 private:
  static std::string key(const std::string& number, const std::string& locality);

  const std::vector<CitedDocument>& m_docs;
  std::unordered_map<std::string, const CitedDocument*> m_by_locality;  // key(number, locality) → the first
  std::unordered_map<std::string, const CitedDocument*> m_national;     // number → the last national one
};

}  // namespace mb::site
