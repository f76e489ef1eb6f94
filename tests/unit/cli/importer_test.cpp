#include "cli/importer.hpp"

#include <doctest/doctest.h>

#include "core/source_file.hpp"

using namespace mb;

TEST_CASE("cli: import turns page breaks into line breaks and drops other control characters") {
  // A PDF export: a form feed between pages, a stray escape character.
  cli::ImportedReport r = cli::parse_plain_report(
      "UBND PHƯỜNG AN BÌNH\nSố: 12/BC-UBND\n\nBÁO CÁO\nVề công tác dân vận\n\n"
      "I. KẾT QUẢ\nTiếp 07 lượt công dân.\x0c\x1b\nSau ngắt trang\x7f.\n");
  CHECK(find_control_character(r.body) == std::string::npos);
  CHECK(find_control_character(r.title) == std::string::npos);
  CHECK(r.number == "12/BC-UBND");
  CHECK(r.body.find("Tiếp 07 lượt công dân.") != std::string::npos);
  CHECK(r.body.find("Sau ngắt trang.") != std::string::npos);
}
