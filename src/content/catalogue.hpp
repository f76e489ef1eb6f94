// The data/ catalogues: indicators (with categories), initiative fields and
// the measures initiatives report as results.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/lang.hpp"
#include "core/source_file.hpp"

namespace mb::content {

struct Category {
  std::string id;
  LocalizedText name;
};

// A dimension a value can be broken down by, e.g. the field of a survey.
struct Breakdown {
  std::string id;
  LocalizedText name;
  std::vector<std::pair<std::string, LocalizedText>> items;  // in file order
  const LocalizedText* item(const std::string& id) const;
};

struct IndicatorDef {
  std::string id;
  std::size_t offset = 0;  // of the id in data/indicators.yaml
  LocalizedText name;
  LocalizedText unit;  // empty when percent
  bool percent = false;
  std::string category;
  std::string better;  // higher | lower | none
  LocalizedText definition;
  std::string derived;  // formula, e.g. "petitions_resolved / petitions_received * 100"
  std::size_t derived_offset = 0;
  std::string part_of;  // an indicator this one can never exceed (resolved ≤ received)
  std::size_t part_of_offset = 0;
  std::string breakdown;  // id of a Breakdown its values may carry
  bool per_capita = false;  // a count: also shown per 1,000 residents
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

// data/documents.yaml: what the codes in document numbers mean, and a short
// gloss of each cited document.
struct DocumentIssuer {
  std::string code;
  LocalizedText name;
  bool national = false;  // numbers unique nationwide; else numbered per locality
};

struct DocumentGloss {
  std::string key;  // "33/CT-TTg", or "41/KH-UBND@phu-tien" for a local body's document
  std::optional<Date> date;
  LocalizedText issuer;  // when more precise than the code's name
  LocalizedText title;   // the subject, "về …" / "on …"
};

struct Catalogue {
  std::shared_ptr<const SourceFile> indicators_file;  // for diagnostics about formulas
  std::vector<Breakdown> breakdowns;
  std::vector<Category> categories;
  std::vector<IndicatorDef> indicators;  // in file order
  std::vector<Field> fields;
  std::vector<Measure> measures;
  std::vector<std::pair<std::string, LocalizedText>> document_types;  // CT → Chỉ thị / Directive
  std::vector<DocumentIssuer> document_issuers;
  std::vector<DocumentGloss> documents;

  const IndicatorDef* indicator(const std::string& id) const;
  const Field* field(const std::string& id) const;
  const Measure* measure(const std::string& id) const;
  const Category* category(const std::string& id) const;
  const Breakdown* breakdown(const std::string& id) const;
  const LocalizedText* document_type(const std::string& code) const;
  const DocumentIssuer* document_issuer(const std::string& code) const;
  const DocumentGloss* document(const std::string& key) const;
};

// Each reads one file into `out`; a missing file is simply an empty catalogue.
// False when the file is not YAML (reported): nothing can be checked against
// it, so references into it should not be reported as unknown.
bool parse_indicators(std::shared_ptr<const SourceFile> file, Catalogue& out, Diagnostics& diags);
bool parse_fields(const SourceFile& file, Catalogue& out, Diagnostics& diags);
bool parse_measures(const SourceFile& file, Catalogue& out, Diagnostics& diags);
bool parse_documents(const SourceFile& file, Catalogue& out, Diagnostics& diags);

}  // namespace mb::content
