#include "site/documents.hpp"

#include <doctest/doctest.h>

#include <memory>

#include "model/model_fixture.hpp"

using namespace mb;

namespace {

const char* kDocumentsYaml =
    "types:\n"
    "  CT: {vi: Chỉ thị, en: Directive}\n"
    "  KL: {vi: Kết luận, en: Conclusion}\n"
    "  KH: {vi: Kế hoạch, en: Plan}\n"
    "issuers:\n"
    "  TTg: {name: {vi: Thủ tướng Chính phủ, en: Prime Minister}, national: true}\n"
    "  TW: {name: {vi: Trung ương Đảng, en: Party Central Committee}, national: true}\n"
    "  UBND: {name: {vi: Ủy ban nhân dân, en: \"People's Committee\"}}\n"
    "  \"SNV-XDCQ&CTTN\": {name: {vi: Sở Nội vụ, en: Department of Home Affairs}}\n";

const std::string kTruongThi2022 = "content/localities/truong-thi/reports/2022.vi.md";
const std::string kTruongThi2023 = "content/localities/truong-thi/reports/2023.vi.md";
const std::string kPhuTien2023 = "content/localities/phu-tien/reports/2023.vi.md";

std::string directives(std::initializer_list<const char*> numbers) {
  std::string out = "directives:\n";
  for (const char* n : numbers) out += std::string("  - \"") + n + "\"\n";
  return out;
}

// truong-thi cites national and local documents (one of them twice) in 2023
// and 33/CT-TTg again in 2022; phu-tien cites the same numbers as its own.
std::unique_ptr<model::Site> sample(bool glossary_knows_the_letter = true) {
  test::SiteBuilder b;
  Diagnostics catalogue_diags;
  std::string yaml = kDocumentsYaml;
  if (!glossary_knows_the_letter) yaml = yaml.substr(0, yaml.find("  \"SNV-"));
  content::parse_documents(SourceFile("data/documents.yaml", yaml), b.inputs.catalogue, catalogue_diags);
  REQUIRE_MESSAGE(catalogue_diags.empty(), test::all_text(catalogue_diags));
  b.basics();
  b.add("content/localities/phu-tien/_index.vi.md", test::locality_vi("Xã Phú Tiến"));
  b.add(kTruongThi2023,
        test::report_vi(directives({"33/CT-TTg", "41/KH-UBND", "6217/SNV-XDCQ&CTTN", "114-KL/TW", "33/CT-TTg"})));
  b.add(kTruongThi2022, test::report_vi(directives({"33/CT-TTg"})));
  b.add(kPhuTien2023, test::report_vi(directives({"41/KH-UBND", "33/CT-TTg", "Kế hoạch số 5"})));
  Diagnostics diags;
  auto site = std::make_unique<model::Site>(b.build(diags));
  REQUIRE_FALSE(diags.has_errors());
  return site;
}

std::vector<std::string> slugs(const std::vector<site::CitedDocument>& docs) {
  std::vector<std::string> out;
  for (const site::CitedDocument& d : docs) out.push_back(d.slug);
  return out;
}

std::vector<std::string> report_paths(const site::CitedDocument& d) {
  std::vector<std::string> out;
  for (const model::Page* p : d.reports) out.push_back(p->vi->path());
  return out;
}

}  // namespace

TEST_CASE("site: cited_documents groups national documents across localities, sorted by slug") {
  auto site = sample();
  std::vector<site::CitedDocument> docs = site::cited_documents(*site);
  CHECK(slugs(docs) == std::vector<std::string>{"114-kl-tw", "33-ct-ttg", "41-kh-ubnd-phu-tien",
                                                "41-kh-ubnd-truong-thi", "6217-snv-xdcq-cttn-truong-thi",
                                                "ke-hoach-so-5-phu-tien"});
  REQUIRE(docs.size() == 6);
  const site::CitedDocument& directive = docs[1];
  CHECK(directive.key == "33/CT-TTg");
  CHECK(directive.locality.empty());
  CHECK(directive.number.number == "33/CT-TTg");
  CHECK(directive.number.type == "CT");
  CHECK(directive.number.issuer == "TTg");
  // Each citing report once, in page (source path) order.
  CHECK(report_paths(directive) == std::vector<std::string>{kPhuTien2023, kTruongThi2022, kTruongThi2023});
  CHECK(docs[0].key == "114-KL/TW");
  CHECK(docs[0].locality.empty());
  CHECK(report_paths(docs[0]) == std::vector<std::string>{kTruongThi2023});
}

TEST_CASE("site: cited_documents keeps a local body's documents per locality") {
  auto site = sample();
  std::vector<site::CitedDocument> docs = site::cited_documents(*site);
  REQUIRE(docs.size() == 6);
  const site::CitedDocument& phu_tien = docs[2];
  CHECK(phu_tien.key == "41/KH-UBND@phu-tien");
  CHECK(phu_tien.locality == "phu-tien");
  CHECK(report_paths(phu_tien) == std::vector<std::string>{kPhuTien2023});
  const site::CitedDocument& truong_thi = docs[3];
  CHECK(truong_thi.key == "41/KH-UBND@truong-thi");
  CHECK(truong_thi.locality == "truong-thi");
  CHECK(truong_thi.number.number == "41/KH-UBND");
  CHECK(report_paths(truong_thi) == std::vector<std::string>{kTruongThi2023});
  // An unparsable number is a local document too, kept as written.
  CHECK(docs[5].key == "Kế hoạch số 5@phu-tien");
  CHECK_FALSE(docs[5].number.parsed);
}

TEST_CASE("site: an official letter without a type code is recognized when the glossary has the whole issuer") {
  auto site = sample();
  std::vector<site::CitedDocument> docs = site::cited_documents(*site);
  REQUIRE(docs.size() == 6);
  const site::CitedDocument& letter = docs[4];
  CHECK(letter.key == "6217/SNV-XDCQ&CTTN@truong-thi");
  CHECK(letter.number.type.empty());
  CHECK(letter.number.issuer == "SNV-XDCQ&CTTN");
  CHECK(letter.number.serial == "6217");

  auto without = sample(false);
  std::vector<site::CitedDocument> plain = site::cited_documents(*without);
  REQUIRE(plain.size() == 6);
  CHECK(plain[4].number.type == "SNV");
  CHECK(plain[4].number.issuer == "XDCQ&CTTN");
}

TEST_CASE("site: a citation finds the locality's own document, then a national one") {
  auto site = sample();
  std::vector<site::CitedDocument> docs = site::cited_documents(*site);
  REQUIRE(docs.size() == 6);
  site::DocumentIndex index(docs);
  CHECK(index.find("33/CT-TTg", "truong-thi") == &docs[1]);
  CHECK(index.find("33/CT-TTg", "phu-tien") == &docs[1]);
  CHECK(index.find("41/KH-UBND", "phu-tien") == &docs[2]);
  CHECK(index.find("41/KH-UBND", "truong-thi") == &docs[3]);
  CHECK(index.find("6217/SNV-XDCQ&CTTN", "truong-thi") == &docs[4]);
  // Another locality's local document is not this locality's.
  CHECK(index.find("41/KH-UBND", "a-luoi") == nullptr);
  CHECK(index.find("6217/SNV-XDCQ&CTTN", "phu-tien") == nullptr);
  CHECK(index.find("99/CT-TTg", "truong-thi") == nullptr);
  // By slug, the list's order: every document, and nothing else.
  for (const site::CitedDocument& d : docs) CHECK(index.by_slug(d.slug) == &d);
  CHECK(index.by_slug("khong-co") == nullptr);
  CHECK(index.by_slug("") == nullptr);
  std::vector<site::CitedDocument> none;
  CHECK(site::DocumentIndex(none).find("33/CT-TTg", "truong-thi") == nullptr);
  CHECK(site::DocumentIndex(none).by_slug("33-ct-ttg") == nullptr);
}
