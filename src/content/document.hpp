// Typed content: what one Markdown file says, in one language. Offsets point
// into the file's text so later stages can report precise positions.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/lang.hpp"
#include "core/source_file.hpp"

namespace mb::content {

enum class Kind { home, locality, report, initiative, page };
const char* kind_name(Kind k);  // "home page", "locality"… for messages
const char* kind_id(Kind k);    // "home", "locality"… for keys

template <class T>
struct Located {
  T value{};
  std::size_t offset = 0;  // in the document's source text
};

// A figure, optionally qualified: {value: 14000, note: hơn} is "hơn 14.000".
struct Quantity {
  double value = 0;
  std::string note;
};

// An id → quantity map, in the order written.
using QuantityMap = std::vector<std::pair<Located<std::string>, Quantity>>;

// A report's figure for one indicator. The overall value may be absent when
// the report gives only a breakdown (Phú Tiến's survey gives rates per field).
struct IndicatorValue {
  std::optional<double> value;
  std::string note;
  Located<std::string> unit;  // optional; checked against the catalogue
  std::vector<std::pair<Located<std::string>, double>> breakdown;  // item id → value
  std::size_t offset = 0;     // of the value in the source
};
using IndicatorMap = std::vector<std::pair<Located<std::string>, IndicatorValue>>;

struct LocalityFields {
  std::string kind;  // ward | commune | town
  std::string province;
  std::string district;
  std::optional<Quantity> area_km2;
  std::optional<Quantity> area_ha;  // as the report states it: one of area_km2, area_ha
  std::optional<Quantity> population;
  std::optional<Quantity> households;
  std::string website;
  std::string code;
  std::vector<std::string> merged_from;
  QuantityMap facts;  // other figures the reports state (party members, ethnic groups…)
};

struct Signer {
  std::string name;
  std::string title;
};

struct ReportFields {
  std::string kind;
  Date period_from;
  Date period_to;
  std::string number;
  std::optional<Date> date;  // may be partial: a month or a year
  std::size_t date_offset = 0;
  std::string place;
  std::string issuer;
  std::string recipient;
  Signer signer;
  std::vector<std::string> distribution;
  std::vector<Located<std::string>> directives;
  IndicatorMap indicators;
  std::vector<Located<std::string>> initiatives;
  std::vector<Located<std::string>> attachments;
};

struct InitiativeFields {
  Located<std::string> field;
  long long year = 0;  // 0 when the report does not say when it started
  bool dan_van_kheo = true;  // a "Dân vận khéo" model; false for another local initiative
  std::string status;
  QuantityMap results;
};

struct PageFields {
  long long weight = 0;
};

struct Document {
  Kind kind = Kind::page;
  Lang lang = Lang::vi;
  std::string locality;  // locality slug (locality, report, initiative)
  std::string slug;      // report, initiative or page slug; locality slug for a locality
  std::shared_ptr<const SourceFile> source;
  std::size_t body_offset = 0;

  std::string title;
  std::string summary;
  std::map<std::string, std::string> notes;  // English twin: note translations by key
  Located<std::string> translation_of;        // English twin: hash of the Vietnamese text it translates

  LocalityFields locality_fields;
  ReportFields report;
  InitiativeFields initiative;
  PageFields page;

  const std::string& path() const { return source->path(); }
  // The hash an English twin records in translation_of: 12 hex digits of the
  // Vietnamese file's normalized text, so a change there marks it stale.
  std::string source_hash() const;
  std::string hash;  // source_hash() of a Vietnamese file, computed once by site::parse_sources
  std::string_view body() const { return std::string_view(source->text()).substr(body_offset); }
};

// source_hash() of a text whose hash_bytes() is `text_hash`.
std::string short_hash(std::uint64_t text_hash);

}  // namespace mb::content
