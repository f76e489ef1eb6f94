// The documents reports cite (directives, conclusions, plans…): one page each,
// listing the reports that cite it. A national body's number names one
// document everywhere; a local body's number is a document of that locality.
#pragma once

#include <string>
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

// The document a report's citation `number` refers to.
const CitedDocument* find_document(const std::vector<CitedDocument>& docs, const std::string& number,
                                   const std::string& locality);

}  // namespace mb::site
