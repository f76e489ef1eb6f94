// Numbers of cited documents, as Vietnamese official documents write them:
// state style "33/CT-TTg", "28/2018/QĐ-TTg" and Party style "114-KL/TW",
// "03-CTr/BDVTW-BCSĐCP".
#pragma once

#include <string>
#include <string_view>

namespace mb::content {

struct DocumentNumber {
  std::string number;  // as written: "28/2018/QĐ-TTg"
  std::string serial;  // "28"
  int year = 0;        // 2018, when the number carries it
  std::string type;    // "QĐ"; for "6217/SNV-XDCQ&CTTN" (no type) "SNV", see below
  std::string issuer;  // "TTg"; "XDCQ&CTTN" for the letter above, which only a glossary can tell apart
  bool parsed = false;
};

DocumentNumber parse_document_number(std::string_view text);

}  // namespace mb::content
