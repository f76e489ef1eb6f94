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

void read_breakdowns(const yaml::Reader& r, const yaml::Node& n, Catalogue& out) {
  if (!r.expect_map(n, "breakdowns")) return;
  for (const auto& [k, v] : n.entries) {
    if (!i18n::is_valid_slug(k.value)) r.error(k, "breakdown id '" + k.value + "' is not a valid slug", "e.g. service-field");
    if (!r.expect_map(v, k.value)) continue;
    yaml::check_keys(r, v, {"name", "items"});
    Breakdown b;
    b.id = k.value;
    if (const yaml::Node* name = v.find("name")) b.name = read_localized(r, *name, "name");
    else r.missing(v, "name", "the dimension's name in vi and en");
    if (const yaml::Node* items = v.find("items"); items && r.expect_map(*items, "items")) {
      for (const auto& [ik, iv] : items->entries) {
        if (!i18n::is_valid_slug(ik.value)) r.error(ik, "item id '" + ik.value + "' is not a valid slug", "e.g. justice");
        b.items.push_back({ik.value, read_localized(r, iv, ik.value)});
      }
    } else if (!items) {
      r.missing(v, "items", "the items of the dimension, each {vi, en}");
    }
    out.breakdowns.push_back(std::move(b));
  }
}

void read_indicator(const yaml::Reader& r, const yaml::Node& key, const yaml::Node& n, Catalogue& out) {
  const std::string& id = key.value;
  if (!r.expect_map(n, id)) return;
  yaml::check_keys(r, n, {"name", "unit", "category", "better", "definition", "derived", "part_of", "breakdown",
                          "per_capita", "min", "max"});
  IndicatorDef def;
  def.id = id;
  def.offset = key.offset;
  for (const char* key : {"name", "unit", "category", "better", "definition"})
    if (!n.find(key)) r.missing(n, key, "indicator " + id);
  if (const yaml::Node* v = n.find("name")) def.name = read_localized(r, *v, "name");
  if (const yaml::Node* v = n.find("unit")) {
    if (v->is_scalar() && v->value == "percent")
      def.percent = true;
    else if (v->is_map())
      def.unit = read_localized(r, *v, "unit");
    else
      r.error(*v, "'unit' must be percent or {vi: …, en: …}",
              "write unit: percent for a share, or the unit's name in both languages, e.g. {vi: lượt, en: visits}");
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
    if (auto t = r.text(*v, "derived")) def.derived = *t, def.derived_offset = v->offset;
  if (const yaml::Node* v = n.find("part_of"))
    if (auto t = r.text(*v, "part_of")) def.part_of = *t, def.part_of_offset = v->offset;
  if (const yaml::Node* v = n.find("per_capita"))
    if (auto b = r.boolean(*v, "per_capita")) def.per_capita = *b;
  if (const yaml::Node* v = n.find("breakdown")) {
    if (auto t = r.text(*v, "breakdown")) {
      def.breakdown = *t;
      if (!out.breakdown(*t)) {
        std::vector<std::string> ids;
        for (const Breakdown& b : out.breakdowns) ids.push_back(b.id);
        std::string hint = did_you_mean(*t, ids);
        r.error(*v, "unknown breakdown '" + *t + "'", hint.empty() ? "add it under 'breakdowns' at the top of this file" : hint);
      }
    }
  }
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
const Breakdown* Catalogue::breakdown(const std::string& id) const { return find_by_id(breakdowns, id); }

const LocalizedText* Catalogue::document_type(const std::string& code) const {
  for (const auto& [k, v] : document_types)
    if (k == code) return &v;
  return nullptr;
}

const DocumentIssuer* Catalogue::document_issuer(const std::string& code) const {
  for (const DocumentIssuer& i : document_issuers)
    if (i.code == code) return &i;
  return nullptr;
}

const DocumentGloss* Catalogue::document(const std::string& key) const {
  for (const DocumentGloss& g : documents)
    if (g.key == key) return &g;
  return nullptr;
}

const LocalizedText* Breakdown::item(const std::string& item_id) const {
  for (const auto& [k, v] : items)
    if (k == item_id) return &v;
  return nullptr;
}

bool parse_indicators(std::shared_ptr<const SourceFile> source, Catalogue& out, Diagnostics& diags) {
  out.indicators_file = source;
  const SourceFile& file = *source;
  yaml::Node root;
  if (!read_root(file, root, diags)) return false;
  yaml::Reader r{file, diags};
  yaml::check_keys(r, root, {"breakdowns", "categories", "indicators"});
  if (const yaml::Node* b = root.find("breakdowns")) read_breakdowns(r, *b, out);
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
      read_indicator(r, k, v, out);
    }
  }
  return true;
}

bool parse_fields(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return false;
  yaml::Reader r{file, diags};
  for (const auto& [k, v] : root.entries) {
    if (!i18n::is_valid_slug(k.value))
      r.error(k, "field id '" + k.value + "' is not a valid slug", "e.g. culture-society");
    out.fields.push_back({k.value, read_localized(r, v, k.value)});
  }
  return true;
}

bool parse_measures(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return false;
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
  return true;
}

bool parse_documents(const SourceFile& file, Catalogue& out, Diagnostics& diags) {
  yaml::Node root;
  if (!read_root(file, root, diags)) return false;
  yaml::Reader r{file, diags};
  yaml::check_keys(r, root, {"types", "issuers", "documents"});
  if (const yaml::Node* types = root.find("types"); types && r.expect_map(*types, "types"))
    for (const auto& [k, v] : types->entries) out.document_types.push_back({k.value, read_localized(r, v, k.value)});
  if (const yaml::Node* issuers = root.find("issuers"); issuers && r.expect_map(*issuers, "issuers")) {
    for (const auto& [k, v] : issuers->entries) {
      if (!r.expect_map(v, k.value)) continue;
      yaml::check_keys(r, v, {"name", "national"});
      DocumentIssuer issuer{k.value, {}, false};
      if (const yaml::Node* n = v.find("name")) issuer.name = read_localized(r, *n, "name");
      else r.missing(v, "name", "the body's name in vi and en");
      if (const yaml::Node* n = v.find("national"))
        if (auto b = r.boolean(*n, "national")) issuer.national = *b;
      out.document_issuers.push_back(std::move(issuer));
    }
  }
  if (const yaml::Node* docs = root.find("documents"); docs && r.expect_map(*docs, "documents")) {
    for (const auto& [k, v] : docs->entries) {
      if (!r.expect_map(v, k.value)) continue;
      yaml::check_keys(r, v, {"date", "issuer", "title"});
      DocumentGloss g;
      g.key = k.value;
      if (const yaml::Node* n = v.find("date")) g.date = r.date(*n, "date");
      if (const yaml::Node* n = v.find("issuer")) g.issuer = read_localized(r, *n, "issuer");
      if (const yaml::Node* n = v.find("title")) g.title = read_localized(r, *n, "title");
      out.documents.push_back(std::move(g));
    }
  }
  return true;
}

}  // namespace mb::content
