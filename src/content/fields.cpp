#include "content/fields.hpp"

#include <cmath>

#include "i18n/text.hpp"

namespace mb::content {

namespace {

std::vector<Located<std::string>> read_located_list(const yaml::Reader& r, const yaml::Node& n,
                                                    std::string_view key) {
  std::vector<Located<std::string>> out;
  if (n.is_null()) return out;
  if (!n.is_sequence()) {
    r.error(n, "'" + std::string(key) + "' must be a list, found " + n.kind_name(),
            "write one item per line, each starting with '- '");
    return out;
  }
  for (const yaml::Node& item : n.items)
    if (auto t = r.text(item, key)) out.push_back({*t, item.offset});
  return out;
}

bool is_http_url(const std::string& s) {
  return (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0) && s.size() > 8 &&
         s.find_first_of(" \"'<>\\") == std::string::npos;
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '_' || id.back() == '_') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (c == '_') {
      if (id[i - 1] == '_') return false;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return !(id.front() >= '0' && id.front() <= '9');
}

std::optional<Quantity> read_quantity(const yaml::Reader& r, const yaml::Node& n, std::string_view key) {
  if (!n.is_map()) {
    auto v = r.number(n, key);
    if (!v) return std::nullopt;
    return Quantity{*v, {}};
  }
  yaml::check_keys(r, n, {"value", "note"});
  Quantity q;
  const yaml::Node* value = n.find("value");
  if (!value) {
    r.missing(n, "value", "the number itself");
    return std::nullopt;
  }
  auto v = r.number(*value, key);
  if (!v) return std::nullopt;
  q.value = *v;
  if (const yaml::Node* note = n.find("note"))
    if (auto t = r.text(*note, "note")) q.note = *t;
  return q;
}

std::optional<Quantity> read_count(const yaml::Reader& r, const yaml::Node& n, std::string_view key) {
  std::optional<Quantity> q = read_quantity(r, n, key);
  // Compared without a cast to an integer type: 1e19 does not fit in one, and
  // converting it is undefined behaviour (found by fuzz_front_matter). Past
  // 9e15 (Reader::integer's bound) doubles no longer hold every whole number.
  if (!q || (std::floor(q->value) == q->value && std::fabs(q->value) <= 9e15)) return q;
  // "4.075" was already refused as ambiguous by Reader::number; this is a true fraction or too large.
  const yaml::Node& at = n.is_map() && n.find("value") ? *n.find("value") : n;
  r.error(at, "'" + std::string(key) + "' counts people or households and must be a whole number, found '" + at.value + "'",
          "check the figure against the report");
  return std::nullopt;
}

QuantityMap read_quantity_map(const yaml::Reader& r, const yaml::Node& n, std::string_view key) {
  QuantityMap out;
  if (n.is_null() || !r.expect_map(n, key)) return out;
  for (const auto& [k, v] : n.entries) {
    if (!is_valid_id(k.value)) {
      r.error(k, "'" + k.value + "' is not a valid id",
              "ids are lower-case ASCII words joined by '_', e.g. citizen_receptions");
      continue;
    }
    if (auto q = read_quantity(r, v, k.value)) out.push_back({{k.value, k.offset}, *q});
  }
  return out;
}

static std::optional<IndicatorValue> read_indicator_value(const yaml::Reader& r, const yaml::Node& n,
                                                          const std::string& id) {
  IndicatorValue out;
  out.offset = n.offset;
  if (!n.is_map()) {
    out.value = r.number(n, id);
    if (!out.value) return std::nullopt;
    return out;
  }
  yaml::check_keys(r, n, {"value", "note", "unit", "breakdown"});
  bool ok = true;
  if (const yaml::Node* v = n.find("value")) {
    out.value = r.number(*v, id);
    out.offset = v->offset;
    ok = ok && out.value.has_value();
  }
  if (const yaml::Node* v = n.find("note"))
    if (auto t = r.text(*v, "note")) out.note = *t;
  if (const yaml::Node* v = n.find("unit"))
    if (auto t = r.text(*v, "unit")) out.unit = {*t, v->offset};
  if (const yaml::Node* b = n.find("breakdown"); b && r.expect_map(*b, "breakdown")) {
    for (const auto& [k, v] : b->entries) {
      if (!i18n::is_valid_slug(k.value)) {
        r.error(k, "breakdown item '" + k.value + "' is not a valid id", "e.g. justice, labour-social");
        ok = false;
        continue;
      }
      if (auto x = r.number(v, k.value))
        out.breakdown.push_back({{k.value, k.offset}, *x});
      else
        ok = false;
    }
  }
  if (!out.value && out.breakdown.empty() && !n.find("value")) {
    r.missing(n, "value", "the figure, or a breakdown of it");
    return std::nullopt;
  }
  return ok ? std::optional<IndicatorValue>(out) : std::nullopt;
}

IndicatorMap read_indicator_map(const yaml::Reader& r, const yaml::Node& n) {
  IndicatorMap out;
  if (n.is_null() || !r.expect_map(n, "indicators")) return out;
  for (const auto& [k, v] : n.entries) {
    if (!is_valid_id(k.value)) {
      r.error(k, "'" + k.value + "' is not a valid id",
              "ids are lower-case ASCII words joined by '_', e.g. citizen_receptions");
      continue;
    }
    if (auto value = read_indicator_value(r, v, k.value)) out.push_back({{k.value, k.offset}, *value});
  }
  return out;
}

void read_locality(const yaml::Reader& r, const yaml::Node& root, Document& doc) {
  LocalityFields& f = doc.locality_fields;
  if (const yaml::Node* n = root.find("kind"))
    if (auto v = r.one_of(*n, "kind", {"ward", "commune", "town"})) f.kind = *v;
  if (const yaml::Node* n = root.find("province"))
    if (auto v = r.text(*n, "province")) f.province = *v;
  if (const yaml::Node* n = root.find("district"))
    if (auto v = r.text(*n, "district")) f.district = *v;
  if (const yaml::Node* n = root.find("area_km2")) f.area_km2 = read_quantity(r, *n, "area_km2");
  if (const yaml::Node* n = root.find("area_ha")) {
    f.area_ha = read_quantity(r, *n, "area_ha");
    if (root.find("area_km2")) r.error(*n, "give the area once, as area_km2 or area_ha", "keep the unit the report uses");
  }
  if (const yaml::Node* n = root.find("population")) f.population = read_count(r, *n, "population");
  if (const yaml::Node* n = root.find("households")) f.households = read_count(r, *n, "households");
  for (const auto* q : {&f.area_km2, &f.area_ha, &f.population, &f.households})
    if (*q && (*q)->value < 0)
      r.error(root, "a locality's area, population and households cannot be negative",
              "write the figure as the report gives it, without a minus sign");
  if (const yaml::Node* n = root.find("website")) {
    if (auto v = r.text(*n, "website")) {
      if (is_http_url(*v))
        f.website = *v;
      else
        r.error(*n, "'website' must be an http:// or https:// address", "e.g. website: https://example.gov.vn");
    }
  }
  if (const yaml::Node* n = root.find("code"))
    if (auto v = r.text(*n, "code")) f.code = *v;
  if (const yaml::Node* n = root.find("merged_from"))
    if (auto v = r.text_list(*n, "merged_from")) f.merged_from = *v;
  if (const yaml::Node* n = root.find("facts")) f.facts = read_quantity_map(r, *n, "facts");
}

static void read_signer(const yaml::Reader& r, const yaml::Node& n, Document& doc) {
  if (!r.expect_map(n, "signer")) return;
  bool vi = doc.lang == Lang::vi;
  yaml::check_keys(r, n, vi ? std::vector<std::string>{"name", "title"} : std::vector<std::string>{"title"},
                   "signer key", [&](const std::string& key) -> std::optional<yaml::KeyProblem> {
                     if (!vi && key == "name")
                       return yaml::KeyProblem{"the signer's name is written once, in the Vietnamese file",
                                               "keep only 'title' (the translated position) here"};
                     return std::nullopt;
                   });
  if (vi && !n.find("name")) r.missing(n, "name", "who signed the report");
  if (vi && !n.find("title")) r.missing(n, "title", "the signer's position, e.g. Chủ tịch");
  if (const yaml::Node* v = n.find("name"); v && vi)
    if (auto t = r.text(*v, "name")) doc.report.signer.name = *t;
  if (const yaml::Node* v = n.find("title"))
    if (auto t = r.text(*v, "title")) doc.report.signer.title = *t;
}

static void read_period(const yaml::Reader& r, const yaml::Node& n, ReportFields& f) {
  if (!r.expect_map(n, "period")) return;
  yaml::check_keys(r, n, {"from", "to"}, "period key");
  const yaml::Node* from = n.find("from");
  const yaml::Node* to = n.find("to");
  if (!from) r.missing(n, "from", "first day of the period, YYYY-MM-DD");
  if (!to) r.missing(n, "to", "last day of the period, YYYY-MM-DD");
  if (!from || !to) return;
  auto a = r.date(*from, "period.from");
  auto b = r.date(*to, "period.to");
  if (!a || !b) return;
  if (*b < *a)
    r.error(*to, "the period ends (" + to_iso(*b) + ") before it starts (" + to_iso(*a) + ")",
            "check whether 'from' and 'to' are swapped; both are written YYYY-MM-DD");
  f.period_from = *a;
  f.period_to = *b;
}

void read_report(const yaml::Reader& r, const yaml::Node& root, Document& doc) {
  ReportFields& f = doc.report;
  if (const yaml::Node* n = root.find("kind"))
    if (auto v = r.one_of(*n, "kind", {"annual", "semiannual", "quarterly", "five-year-review",
                                       "ten-year-review", "thematic"}))
      f.kind = *v;
  if (const yaml::Node* n = root.find("period")) read_period(r, *n, f);
  if (const yaml::Node* n = root.find("number"))
    if (auto v = r.text(*n, "number")) f.number = *v;
  if (const yaml::Node* n = root.find("date"); n && !n->is_null()) {
    f.date = r.partial_date(*n, "date");
    f.date_offset = n->offset;
  }
  for (auto [key, out] : {std::pair{"place", &f.place}, std::pair{"issuer", &f.issuer},
                          std::pair{"recipient", &f.recipient}})
    if (const yaml::Node* n = root.find(key))
      if (auto v = r.text(*n, key)) *out = *v;
  if (const yaml::Node* n = root.find("signer")) read_signer(r, *n, doc);
  if (const yaml::Node* n = root.find("distribution"))
    if (auto v = r.text_list(*n, "distribution")) f.distribution = *v;
  if (const yaml::Node* n = root.find("directives")) f.directives = read_located_list(r, *n, "directives");
  if (const yaml::Node* n = root.find("indicators")) f.indicators = read_indicator_map(r, *n);
  if (const yaml::Node* n = root.find("initiatives")) {
    f.initiatives = read_located_list(r, *n, "initiatives");
    for (const auto& s : f.initiatives)
      if (!i18n::is_valid_slug(s.value))
        r.diags.add(r.file.at(Severity::error, s.offset, s.value.size(),
                              "'" + s.value + "' is not an initiative slug",
                              "name the initiative by its file name without .vi.md"));
  }
  if (const yaml::Node* n = root.find("attachments")) {
    f.attachments = read_located_list(r, *n, "attachments");
    for (const auto& a : f.attachments)
      if (a.value.empty() || a.value[0] == '/' || a.value.find("..") != std::string::npos ||
          a.value.find('\\') != std::string::npos)
        r.diags.add(r.file.at(Severity::error, a.offset, a.value.size(),
                              "attachment path '" + a.value + "' leaves the locality's files/ folder",
                              "write the path relative to files/, e.g. bao-cao-goc.pdf"));
  }
  if (f.date && f.date->year != 0 && f.period_from.year != 0 && last_day(*f.date) < f.period_from)
    if (const yaml::Node* n = root.find("date"))
      r.error(*n,
              "the report is dated " + to_iso(*f.date) + ", before its period starts (" + to_iso(f.period_from) + ")",
              "a report is signed after the period it covers: check 'date' and 'period'");
}

void read_initiative(const yaml::Reader& r, const yaml::Node& root, Document& doc) {
  InitiativeFields& f = doc.initiative;
  if (const yaml::Node* n = root.find("field"))
    if (auto v = r.text(*n, "field")) f.field = {*v, n->offset};
  if (const yaml::Node* n = root.find("year")) {
    if (auto v = r.integer(*n, "year")) {
      if (*v < 1945 || *v > 2100)
        r.error(*n, "'year' must be the year the initiative started, found " + std::to_string(*v),
                "write the year in four digits, e.g. year: 2021");
      else
        f.year = *v;
    }
  }
  if (const yaml::Node* n = root.find("status"))
    if (auto v = r.one_of(*n, "status", {"registered", "ongoing", "completed", "recognized"})) f.status = *v;
  if (const yaml::Node* n = root.find("dan_van_kheo"))
    if (auto v = r.boolean(*n, "dan_van_kheo")) f.dan_van_kheo = *v;
  if (const yaml::Node* n = root.find("results")) f.results = read_quantity_map(r, *n, "results");
}

void read_page(const yaml::Reader& r, const yaml::Node& root, Document& doc) {
  if (const yaml::Node* n = root.find("weight"))
    if (auto v = r.integer(*n, "weight")) doc.page.weight = *v;
}

}  // namespace mb::content
