// The data/ catalogues: indicators (with categories), initiative fields and
// the measures initiatives report as results.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/lang.hpp"
#include "core/source_file.hpp"

namespace mb::content {

struct Category {
  std::string id;
  LocalizedText name;
};

struct IndicatorDef {
  std::string id;
  LocalizedText name;
  LocalizedText unit;  // empty when percent
  bool percent = false;
  std::string category;
  std::string better;  // higher | lower | none
  LocalizedText definition;
  std::string derived;  // formula, e.g. "petitions_resolved / petitions_received"
  std::optional<double> min;
  std::optional<double> max;
};

struct Field {
  std::string id;
  LocalizedText name;
};

struct Measure {
  std::string id;
  LocalizedText name;
  LocalizedText unit;  // empty when percent
  bool percent = false;
};

struct Catalogue {
  std::vector<Category> categories;
  std::vector<IndicatorDef> indicators;  // in file order
  std::vector<Field> fields;
  std::vector<Measure> measures;

  const IndicatorDef* indicator(const std::string& id) const;
  const Field* field(const std::string& id) const;
  const Measure* measure(const std::string& id) const;
  const Category* category(const std::string& id) const;
};

// Each reads one file into `out`; a missing file is simply an empty catalogue.
void parse_indicators(const SourceFile& file, Catalogue& out, Diagnostics& diags);
void parse_fields(const SourceFile& file, Catalogue& out, Diagnostics& diags);
void parse_measures(const SourceFile& file, Catalogue& out, Diagnostics& diags);

}  // namespace mb::content
