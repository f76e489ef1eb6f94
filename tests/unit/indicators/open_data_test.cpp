#include "indicators/open_data.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "indicators_fixture.hpp"

using namespace mb;
using indicators::csv_field;
using test::indicator_report;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHeader =
    "locality,locality_name_vi,locality_name_en,report,period_from,period_to,indicator,breakdown,value,unit,note,"
    "source_url\r\n";

// truong-thi (translated) and a-luoi (not translated, a comma in its name),
// one annual report each.
std::unique_ptr<test::IndicatorSite> sample() {
  return test::build_indicators({
      {"content/localities/truong-thi/reports/2023.vi.md",
       indicator_report("  petitions_received: 4\n  petitions_resolved: 3\n  citizen_receptions: 7\n"
                        "  satisfaction_rate: {value: 98, note: trên, breakdown: {justice: 90, land: 100}}\n")},
      {"content/localities/a-luoi/_index.vi.md", test::locality_vi("Xã A Lưới, huyện X")},
      {"content/localities/a-luoi/reports/2023.vi.md",
       indicator_report("  citizen_receptions: {value: 12, note: \"=1+2\"}\n  budget_balance: -5\n")},
  });
}

std::map<std::string, std::string> files_of(const indicators::Indicators& ind, std::vector<std::string>* order = nullptr) {
  indicators::OpenDataOptions options{
      [](const model::Page& p) { return "https://example.gov.vn/dia-phuong/" + p.locality + "/bao-cao/" + p.slug + "/"; },
      "Minh Bạch", "https://example.gov.vn/"};
  std::map<std::string, std::string> out;
  for (const OutputFile& f : indicators::open_data(ind, options)) {
    CHECK(f.copy_from.empty());
    if (order) order->push_back(f.path);
    out[f.path] = f.data;
  }
  return out;
}

std::string row(const std::string& locality, const std::string& names, const std::string& indicator,
                const std::string& rest) {
  return locality + "," + names + ",2023,2023-01-01,2023-12-31," + indicator + "," + rest +
         ",https://example.gov.vn/dia-phuong/" + locality + "/bao-cao/2023/\r\n";
}
const std::string kTruongThi = "Phường Trường Thi,Truong Thi Ward";
const std::string kALuoi = "\"Xã A Lưới, huyện X\",";

}  // namespace

TEST_CASE("indicators: csv_field quotes commas, quotes and line breaks") {
  CHECK(csv_field("Phường Trường Thi") == "Phường Trường Thi");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line 1\nline 2") == "\"line 1\nline 2\"");
  CHECK(csv_field("a\rb") == "\"a\rb\"");
}

TEST_CASE("indicators: csv_field neutralizes what a spreadsheet would run as a formula") {
  CHECK(csv_field("=1+2") == "'=1+2");
  CHECK(csv_field("+84 912") == "'+84 912");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("-cmd") == "'-cmd");
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  // Negative numbers stay numbers.
  CHECK(csv_field("-5") == "-5");
  CHECK(csv_field("-0.25") == "-0.25");
  CHECK(csv_field("-1e-07") == "-1e-07");
  // Sums and double signs are formulas, not numbers.
  CHECK(csv_field("-1-1") == "'-1-1");
  CHECK(csv_field("--1") == "'--1");
  CHECK(csv_field("-1e-1-1") == "'-1e-1-1");
  CHECK(csv_field("-.5") == "'-.5");
  CHECK(csv_field("-1.") == "'-1.");
  CHECK(csv_field("-e") == "'-e");
  // Only a leading sign counts.
  CHECK(csv_field("a=b") == "a=b");
  CHECK(csv_field("5-3") == "5-3");
}

TEST_CASE("indicators: csv_name turns an id into a file name") {
  CHECK(indicators::csv_name("citizen_receptions") == "citizen-receptions.csv");
  CHECK(indicators::csv_name("x") == "x.csv");
}

TEST_CASE("indicators: open_data writes the long CSV, one CSV per indicator and the JSON files") {
  auto s = sample();
  REQUIRE_MESSAGE(s->diags.empty(), test::all_text(s->diags));
  std::vector<std::string> order;
  files_of(s->ind, &order);
  CHECK(order == std::vector<std::string>{"data/indicators.csv", "data/petitions-received.csv",
                                          "data/petitions-resolved-rate.csv", "data/petitions-resolved.csv",
                                          "data/open-petitions-rate.csv", "data/citizen-receptions.csv",
                                          "data/dossiers-online.csv", "data/satisfaction-rate.csv",
                                          "data/budget-balance.csv", "data/indicators.json", "data/datapackage.json"});
}

TEST_CASE("indicators: indicators.csv has a BOM, a header and one CRLF row per stated value and breakdown item") {
  auto s = sample();
  std::map<std::string, std::string> files = files_of(s->ind);
  // Series in catalogue order, localities by slug; derived values (the
  // resolution rates) are not open data: they are computed from the rows.
  CHECK(files.at("data/indicators.csv") ==
        kBom + kHeader + row("truong-thi", kTruongThi, "petitions_received", ",4,đơn,") +
            row("truong-thi", kTruongThi, "petitions_resolved", ",3,đơn,") +
            row("a-luoi", kALuoi, "citizen_receptions", ",12,lượt,'=1+2") +
            row("truong-thi", kTruongThi, "citizen_receptions", ",7,lượt,") +
            row("truong-thi", kTruongThi, "satisfaction_rate", ",98,%,trên") +
            row("truong-thi", kTruongThi, "satisfaction_rate", "justice,90,%,") +
            row("truong-thi", kTruongThi, "satisfaction_rate", "land,100,%,") +
            row("a-luoi", kALuoi, "budget_balance", ",-5,triệu đồng,"));
  const std::string& csv = files.at("data/indicators.csv");
  std::size_t lf = 0;
  for (std::size_t i = 0; i < csv.size(); ++i)
    if (csv[i] == '\n') {
      ++lf;
      CHECK(csv[i - 1] == '\r');
    }
  CHECK(lf == 9);
}

TEST_CASE("indicators: each indicator's CSV holds only its own rows") {
  auto s = sample();
  std::map<std::string, std::string> files = files_of(s->ind);
  CHECK(files.at("data/citizen-receptions.csv") ==
        kBom + kHeader + row("a-luoi", kALuoi, "citizen_receptions", ",12,lượt,'=1+2") +
            row("truong-thi", kTruongThi, "citizen_receptions", ",7,lượt,"));
  CHECK(files.at("data/dossiers-online.csv") == kBom + kHeader);
  CHECK(files.at("data/petitions-resolved-rate.csv") == kBom + kHeader);
}

TEST_CASE("indicators: indicators.json describes every indicator and lists every stated value") {
  auto s = sample();
  nlohmann::json json = nlohmann::json::parse(files_of(s->ind).at("data/indicators.json"));
  CHECK(json["title"] == "Minh Bạch");
  REQUIRE(json["indicators"].size() == s->ind.series.size());
  const nlohmann::json& first = json["indicators"][0];
  CHECK(first["id"] == "petitions_received");
  CHECK(first["name"]["vi"] == "Tên petitions_received");
  CHECK(first["unit"] == nlohmann::json({{"vi", "đơn"}, {"en", "petitions"}}));
  CHECK(first["category"] == "reception");
  CHECK(first["better"] == "none");
  CHECK(first["csv"] == "petitions-received.csv");
  CHECK(json["indicators"][1]["unit"] == "percent");
  REQUIRE(json["values"].size() == 8);
  const nlohmann::json& v = json["values"][2];
  CHECK(v["locality"] == "a-luoi");
  CHECK(v["locality_name_vi"] == "Xã A Lưới, huyện X");
  CHECK(v["locality_name_en"] == "");
  CHECK(v["indicator"] == "citizen_receptions");
  CHECK(v["value"] == 12);  // a number, not text
  CHECK(v["note"] == "=1+2");
  CHECK(v["source_url"] == "https://example.gov.vn/dia-phuong/a-luoi/bao-cao/2023/");
  CHECK(json["values"][5]["breakdown"] == "justice");
  CHECK(json["values"][5]["value"] == 90);
  for (const nlohmann::json& value : json["values"]) CHECK(value["indicator"] != "petitions_resolved_rate");
}

TEST_CASE("indicators: datapackage.json lists every resource open_data writes") {
  auto s = sample();
  std::map<std::string, std::string> files = files_of(s->ind);
  nlohmann::json package = nlohmann::json::parse(files.at("data/datapackage.json"));
  CHECK(package["profile"] == "data-package");
  CHECK(package["name"] == "minhbach-indicators");
  CHECK(package["title"] == "Minh Bạch");
  CHECK(package["homepage"] == "https://example.gov.vn/");
  std::vector<std::string> names, paths, written;
  for (const nlohmann::json& r : package["resources"]) {
    names.push_back(r["name"]);
    paths.push_back("data/" + r["path"].get<std::string>());
    if (r["format"] == "csv") {
      CHECK(r["encoding"] == "utf-8-sig");
      CHECK(r["schema"]["fields"].size() == 12);
      CHECK(r["schema"]["fields"][8]["name"] == "value");
      CHECK(r["schema"]["fields"][8]["type"] == "number");
    }
  }
  for (const auto& [path, data] : files)
    if (path != "data/datapackage.json") written.push_back(path);
  std::sort(paths.begin(), paths.end());
  CHECK(paths == written);
  CHECK(names == std::vector<std::string>{"indicators", "petitions-received", "petitions-resolved-rate",
                                          "petitions-resolved", "open-petitions-rate", "citizen-receptions",
                                          "dossiers-online", "satisfaction-rate", "budget-balance",
                                          "indicators-json"});
}
