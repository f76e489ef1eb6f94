// Open data: every stated indicator value in long format, as CSV (UTF-8 with
// a byte-order mark, so Excel reads Vietnamese correctly) and JSON, one CSV per
// indicator, and a Frictionless Data Package describing them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/output_file.hpp"
#include "indicators/series.hpp"

namespace mb::indicators {

struct OpenDataOptions {
  std::function<std::string(const model::Page&)> report_url;  // absolute URL of the Vietnamese report page
  std::string site_title;
  std::string base_url;  // absolute, ending in '/'
};

// data/indicators.csv, data/indicators.json, data/<id>.csv, data/datapackage.json.
std::vector<OutputFile> open_data(const Indicators& indicators, const OpenDataOptions& options);

// The file name of an indicator's CSV, "citizen-receptions.csv".
std::string csv_name(const std::string& indicator_id);

// A CSV field, quoted when needed; a leading = + - @ is neutralized so a
// spreadsheet never runs content as a formula.
std::string csv_field(const std::string& s);

}  // namespace mb::indicators
