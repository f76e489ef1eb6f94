#include "indicators/open_data.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/json.hpp"
#include "i18n/format.hpp"

namespace mb::indicators {

namespace {

const char* kColumns[] = {"locality",  "locality_name_vi", "locality_name_en", "report", "period_from",
                          "period_to", "indicator",        "breakdown",        "value",  "unit",
                          "note",      "source_url"};

std::string unit_of(const content::IndicatorDef& def) {
  return def.percent ? "%" : def.unit.vi;
}

// One row per stated figure: the overall value, then each breakdown item.
struct Row {
  const Observation* obs;
  std::string breakdown;
  double value;
};

std::vector<Row> rows_of(const Series& s) {
  std::vector<Row> rows;
  for (const Observation& o : s.observations) {
    if (o.derived) continue;
    if (o.value) rows.push_back({&o, "", *o.value});
    for (const auto& [item, v] : o.breakdown) rows.push_back({&o, item, v});
  }
  return rows;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += csv_field(fields[i]);
  }
  return line + "\r\n";
}

std::vector<std::string> row_fields(const Series& s, const Row& r, const OpenDataOptions& options) {
  const Observation& o = *r.obs;
  const model::Page& loc = *o.locality->page;
  return {loc.locality,
          loc.vi->title,
          loc.en ? loc.en->title : "",
          o.report->slug,
          to_iso(o.from()),
          to_iso(o.to()),
          s.def->id,
          r.breakdown,
          i18n::plain_number(r.value),
          unit_of(*s.def),
          r.breakdown.empty() ? o.note : "",
          options.report_url(*o.report)};
}

nlohmann::ordered_json field(const char* name, const char* type, const char* description) {
  return {{"name", name}, {"type", type}, {"description", description}};
}

nlohmann::ordered_json schema() {
  return {{"fields",
           {field("locality", "string", "Locality slug, as in the site's URLs"),
            field("locality_name_vi", "string", "Locality name in Vietnamese"),
            field("locality_name_en", "string", "Locality name in English"), field("report", "string", "Report slug"),
            field("period_from", "date", "First day of the reporting period"),
            field("period_to", "date", "Last day of the reporting period"),
            field("indicator", "string", "Indicator id, as in data/indicators.json"),
            field("breakdown", "string", "Breakdown item id (e.g. a survey field), empty for the overall value"),
            field("value", "number", "The figure as the report states it"),
            field("unit", "string", "Unit in Vietnamese, or % for a percentage"),
            field("note", "string", "Qualifier or note as the report writes it (e.g. hơn = more than)"),
            field("source_url", "string", "The report page the figure is taken from")}},
          {"primaryKey", {"report", "indicator", "breakdown"}}};
}

void bilingual(JsonWriter& json, std::string_view name, const LocalizedText& text) {
  json.key(name);
  json.begin_object();
  json.member("vi", text.vi);
  json.member("en", text.en);
  json.end_object();
}

}  // namespace

std::string csv_name(const std::string& id) {
  std::string name = id;
  for (char& c : name)
    if (c == '_') c = '-';
  return name + ".csv";
}

std::string csv_field(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    // A negative number stays a number; anything else starting so is
    // prefixed, "-1-1" and "--1" included: a spreadsheet computes those.
    static const std::regex negative(R"(-[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
    if (!std::regex_match(v, negative)) v = "'" + v;
  }
  // One pass with the four characters inlined: find_first_of looked each
  // byte up in the set through a call, and open data has 36,000 fields at 10k.
  if (std::none_of(v.begin(), v.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; })) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::vector<OutputFile> open_data(const Indicators& indicators, const OpenDataOptions& options) {
  std::vector<OutputFile> files;
  // Each row is formatted once, for the file of all indicators (joined after
  // the loop), the file of its own and the JSON. The JSON, the largest file
  // (12 MB at 10,000 pages), is written as it goes, into a string reserved
  // for it, rather than built as a tree and then dumped.
  files.push_back({"data/indicators.csv", {}, {}});
  const std::string csv_start =
      "\xEF\xBB\xBF" + csv_line(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)));

  std::size_t rows = 0;
  for (const Series& s : indicators.series)
    for (const Observation& o : s.observations)
      if (!o.derived) rows += (o.value ? 1 : 0) + o.breakdown.size();
  std::string json_text;
  json_text.reserve(65536 + rows * 512);  // about 420 bytes a row at 10,000 pages
  JsonWriter json(json_text);
  json.begin_object();
  json.member("title", options.site_title);
  json.key("indicators");
  json.begin_array();
  for (const Series& s : indicators.series) {
    const content::IndicatorDef& d = *s.def;
    json.begin_object();
    json.member("id", d.id);
    bilingual(json, "name", d.name);
    if (d.percent)
      json.member("unit", "percent");
    else
      bilingual(json, "unit", d.unit);
    json.member("category", d.category);
    json.member("better", d.better);
    bilingual(json, "definition", d.definition);
    json.member("csv", csv_name(d.id));
    json.end_object();
  }
  json.end_array();

  nlohmann::ordered_json resources = nlohmann::ordered_json::array();
  resources.push_back({{"name", "indicators"},
                       {"path", "indicators.csv"},
                       {"format", "csv"},
                       {"encoding", "utf-8-sig"},
                       {"mediatype", "text/csv"},
                       {"schema", schema()}});
  json.key("values");
  json.begin_array();
  std::size_t csv_bytes = csv_start.size();
  for (const Series& s : indicators.series) {
    const content::IndicatorDef& d = *s.def;
    std::string csv = csv_start;
    for (const Row& r : rows_of(s)) {
      std::vector<std::string> f = row_fields(s, r, options);
      csv += csv_line(f);
      json.begin_object();
      for (std::size_t i = 0; i < f.size(); ++i) {
        json.key(kColumns[i]);
        if (kColumns[i] == std::string_view("value"))
          json.value(r.value);
        else
          json.value(f[i]);
      }
      json.end_object();
    }
    csv_bytes += csv.size() - csv_start.size();
    files.push_back({"data/" + csv_name(d.id), std::move(csv), {}});
    resources.push_back({{"name", csv_name(d.id).substr(0, csv_name(d.id).size() - 4)},
                         {"path", csv_name(d.id)},
                         {"title", d.name.en},
                         {"format", "csv"},
                         {"encoding", "utf-8-sig"},
                         {"mediatype", "text/csv"},
                         {"schema", schema()}});
  }
  json.end_array();
  json.end_object();
  json_text += '\n';
  std::string& all_csv = files.front().data;
  all_csv.reserve(csv_bytes);
  all_csv = csv_start;
  for (std::size_t i = 1; i < files.size(); ++i) all_csv.append(files[i].data, csv_start.size());
  files.push_back({"data/indicators.json", std::move(json_text), {}});
  resources.push_back({{"name", "indicators-json"},
                       {"path", "indicators.json"},
                       {"format", "json"},
                       {"mediatype", "application/json"}});
  nlohmann::ordered_json package = {{"profile", "data-package"},
                                    {"name", "minhbach-indicators"},
                                    {"title", options.site_title},
                                    {"homepage", options.base_url},
                                    {"resources", resources}};
  files.push_back({"data/datapackage.json", package.dump(1, '\t') + "\n", {}});
  return files;
}

}  // namespace mb::indicators
