#include "content/document_number.hpp"

#include <doctest/doctest.h>

using namespace mb::content;

namespace {

void check_number(const char* text, const char* serial, int year, const char* type, const char* issuer) {
  CAPTURE(text);
  DocumentNumber d = parse_document_number(text);
  CHECK(d.parsed);
  CHECK(d.number == text);
  CHECK(d.serial == serial);
  CHECK(d.year == year);
  CHECK(d.type == type);
  CHECK(d.issuer == issuer);
}

}  // namespace

TEST_CASE("content: state-style document numbers: serial[/year]/TYPE-ISSUER") {
  check_number("33/CT-TTg", "33", 0, "CT", "TTg");
  check_number("28/2018/QĐ-TTg", "28", 2018, "QĐ", "TTg");
  check_number("41/KH-UBND", "41", 0, "KH", "UBND");
  check_number("1092/QĐi-UB", "1092", 0, "QĐi", "UB");
}

TEST_CASE("content: Party-style document numbers: serial-TYPE/ISSUER, the issuer may hold a dash") {
  check_number("114-KL/TW", "114", 0, "KL", "TW");
  check_number("03-CTr/BDVTW-BCSĐCP", "03", 0, "CTr", "BDVTW-BCSĐCP");  // the leading zero is kept
}

TEST_CASE("content: an official letter has no type code; the parser cannot know, the glossary can") {
  // The site joins "SNV" and "XDCQ&CTTN" when data/documents.yaml knows the issuer "SNV-XDCQ&CTTN".
  check_number("6217/SNV-XDCQ&CTTN", "6217", 0, "SNV", "XDCQ&CTTN");
}

TEST_CASE("content: an unparsable document number is kept as written, unparsed") {
  for (const char* text : {"", "Kế hoạch số 5", "33/CT", "ab/CT-TTg", "114-KL", "x-KL/TW", "33/-TTg", "114-KL/",
                           "33/CT-"}) {
    CAPTURE(text);
    DocumentNumber d = parse_document_number(text);
    CHECK_FALSE(d.parsed);
    CHECK(d.number == text);
  }
  DocumentNumber d = parse_document_number("Kế hoạch số 5");
  CHECK(d.serial.empty());
  CHECK(d.type.empty());
  CHECK(d.issuer.empty());
  CHECK(d.year == 0);
}
