// Cited documents: the index and one page per document with its gloss from
// data/documents.yaml and the reports that cite it.
#include "i18n/format.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

Data document_data(const ViewContext& ctx, const CitedDocument& doc, Lang lang) {
  const content::Catalogue& c = ctx.site.catalogue;
  Data d;
  d.set("number", doc.number.number);
  d.set("url", ctx.urls.document(doc.slug, lang));
  const LocalizedText* type = c.document_type(doc.number.type);
  d.set("type", optional(type ? (*type)[lang] : ""));
  const content::DocumentGloss* gloss = c.document(doc.key);
  const content::DocumentIssuer* issuer = c.document_issuer(doc.number.issuer);
  std::string issuer_name = gloss && !gloss->issuer[lang].empty() ? gloss->issuer[lang] : issuer ? issuer->name[lang] : "";
  d.set("issuer", optional(issuer_name));
  d.set("date", optional(gloss && gloss->date ? i18n::format_date(*gloss->date, lang, i18n::DateStyle::long_form) : ""));
  d.set("gloss", optional(gloss ? gloss->title[lang] : ""));
  const model::Locality* loc = doc.locality.empty() ? nullptr : ctx.site.locality(doc.locality);
  d.set("locality", loc ? link_data(ctx, *loc->page, lang) : Data(false));
  d.set("citations", i18n::format_number(static_cast<double>(doc.reports.size()), lang));
  return d;
}

}  // namespace

std::string document_title(const ViewContext& ctx, const std::string& slug, Lang lang) {
  const CitedDocument* doc = ctx.document_index.by_slug(slug);
  if (!doc) return slug;
  const LocalizedText* type = ctx.site.catalogue.document_type(doc->number.type);
  return (type ? (*type)[lang] + " " : "") + doc->number.number;
}

void add_documents(const ViewContext& ctx, const Route& route, Data& d) {
  Data docs = list();
  for (const CitedDocument& doc : ctx.documents) docs.push_back(document_data(ctx, doc, route.lang));
  set_list(d, "documents", std::move(docs));
}

void add_document(const ViewContext& ctx, const Route& route, Data& d) {
  const CitedDocument* doc = ctx.document_index.by_slug(route.key);
  Data data = document_data(ctx, *doc, route.lang);
  d.set("document", std::move(data));
  d.set("summary", optional(ctx.site.catalogue.document(doc->key) ? ctx.site.catalogue.document(doc->key)->title[route.lang] : ""));
  Data reports = list();
  for (const model::Page* r : doc->reports) {
    Data item = link_data(ctx, *r, route.lang);
    const model::Locality* loc = ctx.site.locality(r->locality);
    item.set("locality", loc ? link_data(ctx, *loc->page, route.lang) : Data(false));
    item.set("period", i18n::format_period(r->vi->report.period_from, r->vi->report.period_to, route.lang));
    reports.push_back(std::move(item));
  }
  set_list(d, "reports", std::move(reports));
}

}  // namespace mb::site
