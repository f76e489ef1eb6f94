#include "model/checks.hpp"


#include "core/suggest.hpp"
#include "model/site.hpp"

namespace mb::model {

using content::Document;

namespace {

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& list) {
  std::vector<std::string> ids;
  for (const T& item : list) ids.push_back(item.id);
  return ids;
}

void error_at(Diagnostics& diags, const Document& d, std::size_t offset, std::size_t length,
              std::string message, std::string hint) {
  diags.add(d.source->at(Severity::error, offset, length, std::move(message), std::move(hint)));
}

// Indicator ids must be in the catalogue; their values are checked by the indicators module.
void check_indicator_ids(const Site& site, const Document& d, Diagnostics& diags) {
  const auto& catalogue = site.catalogue;
  if (site.unreadable.count("data/indicators.yaml")) return;  // reported where it fails
  for (const auto& [id, value] : d.report.indicators) {
    if (catalogue.indicator(id.value)) continue;
    std::string hint = did_you_mean(id.value, ids_of(catalogue.indicators));
    error_at(diags, d, id.offset, id.value.size(), "unknown indicator '" + id.value + "'",
             hint.empty() ? "indicators are defined in data/indicators.yaml" : hint);
  }
}

void check_report(const Site& site, const Document& d, Diagnostics& diags) {
  const Locality* loc = site.locality(d.locality);
  for (const auto& slug : d.report.initiatives) {
    if (site.find(content::Kind::initiative, d.locality, slug.value)) continue;
    std::vector<std::string> known;
    if (loc)
      for (const Page* p : loc->initiatives) known.push_back(p->slug);
    std::string hint = did_you_mean(slug.value, known);
    error_at(diags, d, slug.offset, slug.value.size(),
             "no initiative '" + slug.value + "' in locality '" + d.locality + "'",
             hint.empty() ? "initiatives are files in content/localities/" + d.locality + "/initiatives/" : hint);
  }
  for (const auto& a : d.report.attachments) {
    std::string path = "localities/" + d.locality + "/files/" + a.value;
    if (!site.attachments.count(path))
      error_at(diags, d, a.offset, a.value.size(), "attachment '" + a.value + "' does not exist",
               "put the file in content/localities/" + d.locality + "/files/");
  }
  check_indicator_ids(site, d, diags);
}

// Ids of locality facts and initiative results name measures of data/measures.yaml.
void check_measures(const Site& site, const Document& d, const content::QuantityMap& values, Diagnostics& diags) {
  bool unreadable = site.unreadable.count("data/measures.yaml") > 0;
  for (const auto& [id, q] : values) {
    if (!site.catalogue.measure(id.value)) {
      if (unreadable) continue;
      std::string hint = did_you_mean(id.value, ids_of(site.catalogue.measures));
      error_at(diags, d, id.offset, id.value.size(), "unknown measure '" + id.value + "'",
               hint.empty() ? "measures are defined in data/measures.yaml" : hint);
    } else if (q.value < 0) {
      error_at(diags, d, id.offset, id.value.size(), "'" + id.value + "' cannot be negative",
               "a measure counts what was done: write the figure without a minus sign");
    }
  }
}

void check_initiative(const Site& site, const Document& d, Diagnostics& diags) {
  const auto& f = d.initiative.field;
  if (!f.value.empty() && !site.catalogue.field(f.value) && !site.unreadable.count("data/fields.yaml")) {
    std::string hint = did_you_mean(f.value, ids_of(site.catalogue.fields));
    error_at(diags, d, f.offset, f.value.size(), "unknown field '" + f.value + "'",
             hint.empty() ? "fields are defined in data/fields.yaml" : hint);
  }
  check_measures(site, d, d.initiative.results, diags);
}

}  // namespace

void check_references(const Site& site, Diagnostics& diags) {
  for (const Page& p : site.pages) {
    if (p.kind == content::Kind::report) check_report(site, *p.vi, diags);
    if (p.kind == content::Kind::initiative) check_initiative(site, *p.vi, diags);
    if (p.kind == content::Kind::locality) check_measures(site, *p.vi, p.vi->locality_fields.facts, diags);
  }
}

}  // namespace mb::model
