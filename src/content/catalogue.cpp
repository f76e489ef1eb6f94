#include "content/catalogue.hpp"

#include "content/fields.hpp"
#include "core/suggest.hpp"
#include "i18n/text.hpp"
#include "yaml/read.hpp"

namespace mb::content {

namespace {

template <class T>
const T* find_by_id(const std::vector<T>& list, const std::string& id) {
  for (const T& item : list)
    if (item.id == id) return &item;
  return nullptr;
}

// {vi: …, en: …}, both required.
LocalizedText read_localized(const yaml::Reader& r, const yaml::Node& n, std::string_view key) {
  LocalizedText out;
  if (!r.expect_map(n, key)) return out;
  yaml::check_keys(r, n, {"vi", "en"}, "language");
  for (Lang lang : kLangs) {
    const yaml::Node* v = n.find(lang_code(lang));
    if (!v) {
      r.missing(n, lang_code(lang), std::string(lang == Lang::vi ? "Vietnamese " : "English ") + std::string(key));
      continue;
    }
    if (auto t = r.text(*v, key)) out[lang] = *t;
  }
  return out;
}

bool read_root(const SourceFile& file, yaml::Node& root, Diagnostics& diags) {
  return yaml::parse(file, 0, file.text().size(), root, diags);
}

void read_indicator(const yaml::Reader& r, const std::string& id, const yaml::Node& n, Catalogue& out) {
  if (!r.expect_map(n, id)) return;
  yaml::check_keys(r, n, {"name", "unit", "category", "better", "definition", "derived", "min", "max"});
  IndicatorDef def;
  def.id = id;
  for (const char* key : {"name", "unit", "category", "better", "definition"})
    if (!n.find(key)) r.missing(n, key, "indicator " + id);
  if (const yaml::Node* v = n.find("name")) def.name = read_localized(r, *v, "name");
  if (const yaml::Node* v = n.find("unit")) {
    if (v->is_scalar() && v->value == "percent")
      def.percent = true;
    else if (v->is_map())
      def.unit = read_localized(r, *v, "unit");
    else
      r.error(*v, "'unit' must be percent or {vi: …, en: …}");
  }
  if (const yaml::Node* v = n.find("category")) {
    if (auto t = r.text(*v, "category")) {
      def.category = *t;
      if (!out.category(*t)) {
        std::vector<std::string> ids;
        for (const Category& c : out.categories) ids.push_back(c.id);
        std::string hint = did_you_mean(*t, ids);
        r.error(*v, "unknown category '" + *t + "'",
                hint.empty() ? "add it under 'categories' at the top of this file" : hint);
      }
    }
  }
  if (const yaml::Node* v = n.find("better"))
    if (auto t = r.one_of(*v, "better", {"higher", "lower", "none"})) def.better = *t;
  if (const yaml::Node* v = n.find("definition")) def.definition = read_localized(r, *v, "definition");
  if (const yaml::Node* v = n.find("derived"))
    if (auto t = r.text(*v, "derived")) def.derived = *t;
  if (const yaml::Node* v = n.find("min")) def.min = r.number(*v, "min");
  if (const yaml::Node* v = n.find("max")) def.max = r.number(*v, "max");
  if (def.percent) {
    if (!def.min) def.min = 0;
    if (!def.max) def.max = 100;
  }
  out.indicators.push_back(std::move(def));
}

}  // namespace

const IndicatorDef* Catalogue::indicator(const std::string& id) const { return find_by_id(indicators, id); }
const Field* Catalogue::field(const std::string& id) const { return find_by_id(fields, id); }
const Measure* Catalogue::measure(const std::string& id) const { return find_by_id(measures, id); }
const Category* Catalogue::category(const std::string& id) const { return find_by_id(categories, id); }

void parse_indicators(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return;
  yaml::Reader r{file, diags};
  yaml::check_keys(r, root, {"categories", "indicators"});
  if (const yaml::Node* cats = root.find("categories"); cats && r.expect_map(*cats, "categories")) {
    for (const auto& [k, v] : cats->entries) {
      if (!i18n::is_valid_slug(k.value))
        r.error(k, "category id '" + k.value + "' is not a valid slug", "e.g. citizen-reception");
      if (!r.expect_map(v, k.value)) continue;
      yaml::check_keys(r, v, {"name"});
      Category c{k.value, {}};
      if (const yaml::Node* name = v.find("name"))
        c.name = read_localized(r, *name, "name");
      else
        r.missing(v, "name", "category name in vi and en");
      out.categories.push_back(std::move(c));
    }
  }
  if (const yaml::Node* inds = root.find("indicators"); inds && r.expect_map(*inds, "indicators")) {
    for (const auto& [k, v] : inds->entries) {
      if (!is_valid_id(k.value)) {
        r.error(k, "indicator id '" + k.value + "' is not valid",
                "ids are lower-case ASCII words joined by '_', e.g. citizen_receptions");
        continue;
      }
      read_indicator(r, k.value, v, out);
    }
  }
}

void parse_fields(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return;
  yaml::Reader r{file, diags};
  for (const auto& [k, v] : root.entries) {
    if (!i18n::is_valid_slug(k.value))
      r.error(k, "field id '" + k.value + "' is not a valid slug", "e.g. culture-society");
    out.fields.push_back({k.value, read_localized(r, v, k.value)});
  }
}

void parse_measures(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return;
  yaml::Reader r{file, diags};
  for (const auto& [k, v] : root.entries) {
    if (!is_valid_id(k.value)) r.error(k, "measure id '" + k.value + "' is not valid", "e.g. length_m");
    if (!r.expect_map(v, k.value)) continue;
    yaml::check_keys(r, v, {"name", "unit"});
    Measure m{k.value, {}, {}};
    if (const yaml::Node* n = v.find("name")) m.name = read_localized(r, *n, "name");
    else r.missing(v, "name", "measure name in vi and en");
    if (const yaml::Node* n = v.find("unit")) {
      if (n->is_scalar() && n->value == "percent")
        m.percent = true;
      else
        m.unit = read_localized(r, *n, "unit");
    } else {
      r.missing(v, "unit", "measure unit in vi and en, or percent");
    }
    out.measures.push_back(std::move(m));
  }
}

}  // namespace mb::content
