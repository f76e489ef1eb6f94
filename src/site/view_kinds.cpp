// Page data for each kind of page: locality, report, initiative, lists.
#include "i18n/format.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

const content::Document* english_of(const model::Page& p) { return p.en; }

// Text that may fall back to Vietnamese on an English page: {text, text_lang}.
void set_text(Data& d, const std::string& key, const std::string& en, const std::string& vi, Lang lang) {
  bool fallback = lang == Lang::en && en.empty() && !vi.empty();
  d.set(key, optional(lang == Lang::vi || fallback ? vi : en));
  d.set(key + "_lang", fallback ? Data("vi") : Data(false));
}

// A plain text value shown where a quantity could be.
Data quantity_text(const std::string& text) {
  Data d;
  d.set("number", optional(text));
  for (const char* key : {"qualifier", "unit", "note", "note_lang", "number_lang"}) d.set(std::string_view(key), false);
  return d;
}

Data fact(const std::string& name, Data value) {
  Data f;
  f.set("label", name);
  f.set("value", std::move(value));
  return f;
}

std::string period_text(const content::ReportFields& r, Lang lang) {
  return i18n::format_period(r.period_from, r.period_to, lang);
}

Data report_summary(const ViewContext& ctx, const model::Page& p, Lang lang) {
  Data d = link_data(ctx, p, lang);
  const content::ReportFields& r = p.vi->report;
  d.set("period", period_text(r, lang));
  d.set("kind_label", label(ctx, lang, "report_kind", r.kind));
  d.set("number", optional(r.number));
  d.set("date", optional(r.date ? i18n::format_date(*r.date, lang, i18n::DateStyle::numeric) : ""));
  return d;
}

}  // namespace

Data initiative_summary(const ViewContext& ctx, const model::Page& p, Lang lang) {
  Data d = link_data(ctx, p, lang);
  const content::InitiativeFields& f = p.vi->initiative;
  d.set("year", optional(f.year ? std::to_string(f.year) : ""));
  d.set("dan_van_kheo", f.dan_van_kheo);
  d.set("status_label", label(ctx, lang, "status", f.status));
  const content::Field* field = ctx.site.catalogue.field(f.field.value);
  d.set("field_label", optional(field ? field->name[lang] : ""));
  return d;
}

namespace {

Data locality_link(const ViewContext& ctx, const std::string& slug, Lang lang) {
  const model::Locality* loc = ctx.site.locality(slug);
  return loc ? link_data(ctx, *loc->page, lang) : Data();
}

}  // namespace

void add_locality(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const model::Page& page = *route.page;
  const content::LocalityFields& vi = page.vi->locality_fields;
  const content::LocalityFields* en = page.en ? &page.en->locality_fields : nullptr;
  Data facts = list();
  Data text = quantity_text(label(ctx, lang, "kind", vi.kind));
  facts.push_back(fact(ui(ctx.theme, lang, "locality_kind"), text));
  Data province = quantity_text("");
  set_text(province, "number", en ? en->province : "", vi.province, lang);
  facts.push_back(fact(ui(ctx.theme, lang, "province"), province));
  if (!vi.district.empty()) {
    Data district = quantity_text("");
    set_text(district, "number", en ? en->district : "", vi.district, lang);
    facts.push_back(fact(ui(ctx.theme, lang, "district"), district));
  }
  struct Figure {
    const std::optional<content::Quantity>& q;
    const char* key;
    const char* unit;
  };
  for (const Figure& f : {Figure{vi.area_km2, "area_km2", "unit_km2"}, Figure{vi.area_ha, "area_ha", "unit_ha"},
                          Figure{vi.population, "population", "unit_people"},
                          Figure{vi.households, "households", "unit_households"}}) {
    if (!f.q) continue;
    facts.push_back(fact(ui(ctx.theme, lang, f.key),
                         quantity_data(*f.q, f.key, ui(ctx.theme, lang, f.unit), false, lang, ctx.theme, english_of(page))));
  }
  for (const auto& [id, q] : vi.facts)
    if (const content::Measure* m = ctx.site.catalogue.measure(id.value))
      facts.push_back(fact(m->name[lang], quantity_data(q, id.value, m->unit[lang], m->percent, lang, ctx.theme, english_of(page))));
  set_list(d, "facts", std::move(facts));
  d.set("website", optional(vi.website));
  d.set("code", optional(vi.code));
  Data merged = list();
  for (const std::string& m : vi.merged_from) merged.push_back(Data(m));
  set_list(d, "merged_from", std::move(merged));
  const model::Locality* loc = ctx.site.locality(page.locality);
  Data reports = list();
  Data initiatives = list();
  if (loc) {
    for (const model::Page* r : loc->reports) reports.push_back(report_summary(ctx, *r, lang));
    for (const model::Page* i : loc->initiatives) initiatives.push_back(initiative_summary(ctx, *i, lang));
  }
  set_list(d, "reports", std::move(reports));
  set_list(d, "initiatives", std::move(initiatives));
}

void add_report(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const model::Page& page = *route.page;
  const content::ReportFields& vi = page.vi->report;
  const content::ReportFields* en = page.en ? &page.en->report : nullptr;
  d.set("locality", locality_link(ctx, page.locality, lang));
  Data doc;
  doc.set("kind_label", label(ctx, lang, "report_kind", vi.kind));
  // A named period ("first half of 2023") also shows its dates; a plain date range once.
  std::string period = period_text(vi, lang);
  std::string dates = i18n::format_date(vi.period_from, lang, i18n::DateStyle::numeric) + " – " +
                      i18n::format_date(vi.period_to, lang, i18n::DateStyle::numeric);
  doc.set("period", period);
  doc.set("period_dates", optional(period == dates ? "" : dates));
  doc.set("number", optional(vi.number));
  doc.set("date", optional(vi.date ? i18n::format_date(*vi.date, lang, i18n::DateStyle::long_form) : ""));
  doc.set("date_iso", optional(vi.date ? to_iso(*vi.date) : ""));
  doc.set("place", optional(vi.place));
  set_text(doc, "issuer", en ? en->issuer : "", vi.issuer, lang);
  set_text(doc, "recipient", en ? en->recipient : "", vi.recipient, lang);
  doc.set("signer_name", vi.signer.name);
  set_text(doc, "signer_title", en ? en->signer.title : "", vi.signer.title, lang);
  const std::vector<std::string>& dist = en && lang == Lang::en && !en->distribution.empty() ? en->distribution : vi.distribution;
  Data distribution = list();
  for (const std::string& line : dist) distribution.push_back(Data(line));
  set_list(doc, "distribution", std::move(distribution));
  bool vi_distribution = lang == Lang::en && !dist.empty() && (!en || en->distribution.empty());
  doc.set("distribution_lang", vi_distribution ? Data("vi") : Data(false));
  Data directives = list();
  for (const auto& dir : vi.directives) directives.push_back(Data(dir.value));
  set_list(doc, "directives", std::move(directives));
  d.set("document", std::move(doc));

  Data initiatives = list();
  for (const auto& slug : vi.initiatives)
    if (const model::Page* p = ctx.site.find(content::Kind::initiative, page.locality, slug.value))
      initiatives.push_back(initiative_summary(ctx, *p, lang));
  set_list(d, "initiatives", std::move(initiatives));

  Data files = list();
  for (const auto& a : vi.attachments) {
    Data f;
    f.set("name", a.value);
    f.set("url", ctx.urls.attachment(page.locality, a.value));
    files.push_back(std::move(f));
  }
  set_list(d, "attachments", std::move(files));
  d.set("previous", false);
  d.set("next", false);
  // Reports are listed newest first: the previous report is the next in the list.
  if (const model::Locality* loc = ctx.site.locality(page.locality)) {
    for (std::size_t i = 0; i < loc->reports.size(); ++i) {
      if (loc->reports[i] != &page) continue;
      if (i + 1 < loc->reports.size()) d.set("previous", report_summary(ctx, *loc->reports[i + 1], lang));
      if (i > 0) d.set("next", report_summary(ctx, *loc->reports[i - 1], lang));
    }
  }
}

void add_initiative(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const model::Page& page = *route.page;
  const content::InitiativeFields& f = page.vi->initiative;
  d.set("locality", locality_link(ctx, page.locality, lang));
  d.set("initiative", initiative_summary(ctx, page, lang));
  Data results = list();
  for (const auto& [id, q] : f.results) {
    const content::Measure* m = ctx.site.catalogue.measure(id.value);
    if (!m) continue;
    Data r = quantity_data(q, id.value, m->unit[lang], m->percent, lang, ctx.theme, page.en);
    r.set("name", m->name[lang]);
    results.push_back(std::move(r));
  }
  set_list(d, "results", std::move(results));
  Data mentioned = list();
  if (const model::Locality* loc = ctx.site.locality(page.locality))
    for (const model::Page* r : loc->reports)
      for (const auto& slug : r->vi->report.initiatives)
        if (slug.value == page.slug) mentioned.push_back(report_summary(ctx, *r, lang));
  set_list(d, "reports", std::move(mentioned));
}

void add_localities(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  Data items = list();
  for (const model::Locality* loc : localities_by_name(ctx.site)) {
    Data item = link_data(ctx, *loc->page, lang);
    const content::LocalityFields& f = loc->page->vi->locality_fields;
    item.set("kind_label", label(ctx, lang, "kind", f.kind));
    const content::LocalityFields* en = loc->page->en ? &loc->page->en->locality_fields : nullptr;
    set_text(item, "province", en ? en->province : "", f.province, lang);
    item.set("report_count", i18n::format_number(static_cast<double>(loc->reports.size()), lang));
    item.set("initiative_count", i18n::format_number(static_cast<double>(loc->initiatives.size()), lang));
    items.push_back(std::move(item));
  }
  set_list(d, "localities", std::move(items));
}

void add_home(const ViewContext& ctx, const Route& route, Data& d) {
  add_localities(ctx, route, d);
  d.set("localities_url", ctx.urls.localities(route.lang));
  // The newest reports across localities, newest period first.
  std::vector<const model::Page*> reports;
  for (const model::Page& p : ctx.site.pages)
    if (p.kind == content::Kind::report) reports.push_back(&p);
  std::stable_sort(reports.begin(), reports.end(), [](const model::Page* a, const model::Page* b) {
    return b->vi->report.period_to < a->vi->report.period_to;
  });
  Data latest = list();
  for (std::size_t i = 0; i < reports.size() && i < 10; ++i) {
    Data r = report_summary(ctx, *reports[i], route.lang);
    r.set("locality", locality_link(ctx, reports[i]->locality, route.lang));
    latest.push_back(std::move(r));
  }
  set_list(d, "latest_reports", std::move(latest));
}

}  // namespace mb::site
