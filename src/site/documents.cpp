#include "site/documents.hpp"

#include <algorithm>
#include <map>

#include "i18n/text.hpp"

namespace mb::site {

static bool is_national(const model::Site& site, const content::DocumentNumber& n) {
  const content::DocumentIssuer* issuer = site.catalogue.document_issuer(n.issuer);
  return issuer && issuer->national;
}

std::vector<CitedDocument> cited_documents(const model::Site& site) {
  std::map<std::string, CitedDocument> by_key;
  for (const model::Page& p : site.pages) {
    if (p.kind != content::Kind::report) continue;
    for (const auto& cited : p.vi->report.directives) {
      content::DocumentNumber n = content::parse_document_number(cited.value);
      // An official letter has no type code: "6217/SNV-XDCQ&CTTN" is issuer
      // "SNV-XDCQ&CTTN". The glossary tells it from "33/CT-TTg".
      if (!site.catalogue.document_type(n.type) && site.catalogue.document_issuer(n.type + "-" + n.issuer)) {
        n.issuer = n.type + "-" + n.issuer;
        n.type.clear();
      }
      bool national = is_national(site, n);
      std::string key = national ? n.number : n.number + "@" + p.locality;
      CitedDocument& doc = by_key[key];
      if (doc.key.empty()) {
        doc.number = n;
        doc.key = key;
        doc.locality = national ? "" : p.locality;
        doc.slug = i18n::slugify(n.number) + (national ? "" : "-" + p.locality);
      }
      if (std::find(doc.reports.begin(), doc.reports.end(), &p) == doc.reports.end()) doc.reports.push_back(&p);
    }
  }
  std::vector<CitedDocument> out;
  for (auto& [key, doc] : by_key) out.push_back(std::move(doc));
  // Numbers that differ only in diacritics or punctuation ("BCSĐCP", "BCSDCP")
  // fold to one slug: number the later ones (in key order, so the result is stable).
  std::map<std::string, int> taken;
  for (CitedDocument& doc : out) {
    int n = ++taken[doc.slug];
    if (n > 1) doc.slug += "-" + std::to_string(n);
  }
  std::sort(out.begin(), out.end(), [](const CitedDocument& a, const CitedDocument& b) { return a.slug < b.slug; });
  return out;
}

const CitedDocument* find_document(const std::vector<CitedDocument>& docs, const std::string& number,
                                   const std::string& locality) {
  const CitedDocument* national = nullptr;
  for (const CitedDocument& d : docs) {
    if (d.number.number != number) continue;
    if (d.locality == locality) return &d;
    if (d.locality.empty()) national = &d;
  }
  return national;
}

}  // namespace mb::site
