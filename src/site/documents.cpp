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

// A number and a locality: control characters never reach the model, so a
// NUL keeps the two apart.
std::string DocumentIndex::key(const std::string& number, const std::string& locality) {
  std::string out = number;
  out += '\0';
  out += locality;
  return out;
}

// In slug order, as a scan of the list would find them: the first document
// of a number and locality, and the last national document of a number.
DocumentIndex::DocumentIndex(const std::vector<CitedDocument>& docs) : m_docs(docs) {
  for (const CitedDocument& d : docs) {
    m_by_locality.emplace(key(d.number.number, d.locality), &d);
    if (d.locality.empty()) m_national[d.number.number] = &d;
  }
}

const CitedDocument* DocumentIndex::by_slug(std::string_view slug) const {
  auto it = std::lower_bound(m_docs.begin(), m_docs.end(), slug,
                             [](const CitedDocument& d, std::string_view s) { return d.slug < s; });
  return it != m_docs.end() && it->slug == slug ? &*it : nullptr;
}

const CitedDocument* DocumentIndex::find(const std::string& number, const std::string& locality) const {
  if (auto own = m_by_locality.find(key(number, locality)); own != m_by_locality.end()) return own->second;
  auto national = m_national.find(number);
  return national != m_national.end() ? national->second : nullptr;
}

}  // namespace mb::site
