// `minhbach import`: a plain-text export of an official report (like the
// seeds: hard line wraps, page artefacts, stray URLs) turned into a report
// skeleton: its metadata in front matter, its text as Markdown with the
// original heading hierarchy, and the figures it finds proposed as commented
// indicator lines for the editor to confirm.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace mb::cli {

struct ImportedReport {
  std::string number;     // "426/BC-UBND", or "" when the original leaves it blank
  std::string place;      // of the place-and-date line
  std::string date;       // "2023-05-26", "2023-05" or "2023", or ""
  std::string title;      // the subject line(s) after "BÁO CÁO"
  std::string recipient;  // "Kính gửi: …"
  std::string issuer;     // "UBND phường Trường Thi", found in the text
  std::string signer_name;
  std::string signer_title;             // "KT. Chủ tịch – Phó Chủ tịch"
  std::vector<std::string> distribution;  // "Nơi nhận" lines
  std::vector<std::string> directives;    // cited documents, in order of first mention
  std::vector<std::string> figures;       // "tiếp 07 lượt công dân", "679 hồ sơ", "đạt 71,5%"
  std::string body;                       // Markdown
  int headings = 0;
};

ImportedReport parse_plain_report(const std::string& text);

// The report's .vi.md: front matter (figures as comments) and body.
// `minhbach import FILE [--locality L] [--slug S] …`: prints the skeleton, or
// writes it as content/localities/L/reports/S.vi.md (never overwriting).
struct ImportOptions {
  std::string file;
  std::string source = ".";
  std::string locality;
  std::string slug;
  std::string kind = "annual";
  std::string period;  // "2025" or "2021-2025"; default: the year of the report's date
};
int import_report(const ImportOptions& options, std::ostream& out, std::ostream& err);

std::string report_markdown(const ImportedReport& report, const std::string& kind, const std::string& from,
                            const std::string& to);

}  // namespace mb::cli
