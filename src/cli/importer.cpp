#include "cli/importer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <regex>
#include <sstream>
#include <set>

#include "cli/cli.hpp"
#include "core/date.hpp"
#include "core/source_file.hpp"
#include "i18n/text.hpp"

namespace mb::cli {

namespace {

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return {};
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// Exports carry Markdown emphasis and heading marks around official lines:
// "**CHỦ TỊCH**", "## **BÁO CÁO**", "***Nơi nhận:***".
std::string plain(const std::string& line) {
  std::string s = trim(line);
  while (!s.empty() && s[0] == '#') s.erase(0, 1);
  std::string out;
  for (char c : s)
    if (c != '*' && c != '\\') out += c;
  return trim(out);
}

// Page artefacts: page numbers, stray web addresses, word-processor markers.
bool is_artefact(const std::string& s) {
  static const std::regex page_number(R"(^\d{1,3}$)");
  return std::regex_match(s, page_number) || starts_with(s, "http://") || starts_with(s, "https://") ||
         s == "Bottom of Form" || s == "Top of Form";
}

bool all_capitals(const std::string& s) { return i18n::sentence_case(s) != s && s.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos; }

// The Markdown heading mark of a line that opens a section, or "".
std::string heading_mark(const std::string& s) {
  static const std::regex roman(R"(^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.?\s+\S)");
  static const std::regex part(R"(^[A-D]\.\s+\S)");
  static const std::regex number(R"(^\d{1,2}(?:\.\d{1,2})?\.\s+\S)");
  static const std::regex letter(R"(^(?:[a-z]|đ)\)\s+\S)");
  if (std::regex_search(s, part) && all_capitals(s)) return "## ";
  if (std::regex_search(s, roman)) return "## ";
  // "1. Kết quả …" is a heading when the line is a title, not a sentence of a list.
  bool ends_sentence = !s.empty() && (s.back() == '.' || s.back() == ';');
  if (std::regex_search(s, number) && !ends_sentence && s.size() < 400) return "### ";
  if (std::regex_search(s, letter) && !ends_sentence && s.size() < 300) return "#### ";
  return "";
}

bool ends_paragraph(const std::string& s) {
  static const std::string enders[] = {".", ":", ";", "!", "?", "”", "\"", "./.", ")"};
  for (const std::string& e : enders)
    if (s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

void find_documents(const std::string& text, std::vector<std::string>& out) {
  static const std::regex state(
      R"((\d{1,5}) ?/ ?(?:(\d{4}) ?/ ?)?([A-ZĐ][A-Za-zĐđ]*) ?- ?([A-ZĐ][A-ZĐa-zđ0-9&]*(?:-[A-ZĐ][A-ZĐa-zđ0-9&]*)*))");
  static const std::regex party(R"((\d{1,5}) ?- ?([A-ZĐ][A-Za-zĐđ]*) ?/ ?([A-ZĐ][A-ZĐa-zđ0-9&]*(?:-[A-ZĐ][A-ZĐa-zđ0-9&]*)*))");
  std::vector<std::pair<long, std::string>> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), state); it != std::sregex_iterator(); ++it)
    found.push_back({it->position(0), (*it)[1].str() + "/" + ((*it)[2].matched ? (*it)[2].str() + "/" : "") + (*it)[3].str() +
                                          "-" + (*it)[4].str()});
  for (auto it = std::sregex_iterator(text.begin(), text.end(), party); it != std::sregex_iterator(); ++it)
    found.push_back({it->position(0), (*it)[1].str() + "-" + (*it)[2].str() + "/" + (*it)[3].str()});
  std::sort(found.begin(), found.end());
  std::set<std::string> seen;
  for (const auto& [pos, number] : found)
    if (seen.insert(number).second) out.push_back(number);
}

void find_figures(const std::string& text, std::vector<std::string>& out) {
  static const std::regex figure(
      R"(((?:tiếp|tiếp nhận|giải quyết|tổ chức|đạt|có|gồm|trên|gần|hơn|khoảng) )?\d{1,3}(?:\.\d{3})*(?:,\d+)? ?(?:%|lượt công dân|lượt|hồ sơ|đơn thư|đơn|cuộc đối thoại|cuộc|người|hộ|thủ tục|TTHC|mô hình|ý kiến|hội nghị))");
  std::set<std::string> seen;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), figure); it != std::sregex_iterator(); ++it)
    if (seen.insert(it->str()).second) out.push_back(it->str());
}

std::string quote_yaml(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\\\"") : c == '\\' ? std::string("\\\\") : std::string(1, c);
  return out + "\"";
}

// A PDF export's page breaks (form feeds, vertical tabs) are line breaks;
// any other control character is dropped, since the site refuses them.
std::string without_controls(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0;;) {
    char32_t code = 0;
    std::size_t at = find_control_character(std::string_view(text).substr(i), &code);
    if (at == std::string::npos) {
      out.append(text, i, std::string::npos);
      return out;
    }
    out.append(text, i, at);
    if (code == 0x0B || code == 0x0C) out += '\n';
    unsigned char c = static_cast<unsigned char>(text[i + at]);
    i += at + (c < 0x80 ? 1 : c == 0xC2 ? 2 : 3);
  }
}

}  // namespace

ImportedReport parse_plain_report(const std::string& raw) {
  ImportedReport r;
  std::string text = without_controls(i18n::to_nfc(normalize_line_endings(raw)));
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = plain(text.substr(start, end - start));
    if (!line.empty() && !is_artefact(line)) lines.push_back(line);
    start = end + 1;
  }

  static const std::regex number_line(R"(^Số\s*:?\s*(.*)$)");
  static const std::regex place_date(R"(^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4}))");
  std::size_t i = 0;
  // The header: number, place and date, "BÁO CÁO", the subject, "Kính gửi".
  for (; i < lines.size() && i < 12; ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, number_line)) {
      std::string n = std::regex_replace(trim(m[1].str()), std::regex(R"(\s+)"), "");
      r.number = !n.empty() && n[0] == '/' ? "" : n;  // "Số: /BC-UBND" is blank in the original
    } else if (std::regex_search(lines[i], m, place_date)) {
      r.place = trim(m[1].str());
      std::string day = m[2].str(), month = m[3].str(), year = m[4].str();
      auto two = [](const std::string& d) { return d.size() == 1 ? "0" + d : d; };
      r.date = year + (month.empty() ? "" : "-" + two(month) + (day.empty() ? "" : "-" + two(day)));
    } else if (i18n::fold_for_search(lines[i]) == "bao cao") {
      ++i;
      break;
    }
  }
  for (; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (starts_with(l, "Kính gửi")) {
      r.recipient = trim(l.substr(l.find(':') == std::string::npos ? std::string("Kính gửi").size() : l.find(':') + 1));
      if (!r.recipient.empty() && r.recipient.back() == '.') r.recipient.pop_back();
      continue;
    }
    if (starts_with(l, "Thực hiện") || starts_with(l, "Căn cứ") || !heading_mark(l).empty()) break;
    r.title += (r.title.empty() ? "" : " ") + l;
  }
  if (r.recipient.empty() && i < lines.size() && starts_with(lines[i], "Kính gửi")) r.recipient = lines[i++];

  // The body runs to "Nơi nhận"; after it, the distribution list and the signature.
  std::size_t end = lines.size();
  for (std::size_t k = i; k < lines.size(); ++k)
    if (starts_with(lines[k], "Nơi nhận")) {
      end = k;
      break;
    }
  std::string body;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) body += paragraph + "\n\n";
    paragraph.clear();
  };
  for (std::size_t k = i; k < end; ++k) {
    const std::string& l = lines[k];
    std::string mark = heading_mark(l);
    bool item = starts_with(l, "- ") || starts_with(l, "+ ") || starts_with(l, "• ");
    if (!mark.empty()) {
      flush();
      // A heading may wrap too: join its next lines while it has not ended.
      std::string heading = l;
      while (k + 1 < end && heading_mark(lines[k + 1]).empty() && !ends_paragraph(heading) &&
             !starts_with(lines[k + 1], "- ") && lines[k + 1].size() < 120 && heading.size() < 250 &&
             !std::isupper(static_cast<unsigned char>(lines[k + 1][0])))
        heading += " " + lines[++k];
      body += mark + heading + "\n\n";
      ++r.headings;
    } else if (item || paragraph.empty() || ends_paragraph(paragraph)) {
      flush();
      paragraph = item ? "- " + trim(l.substr(l.find(' ') + 1)) : l;
    } else {
      paragraph += " " + l;  // a hard line wrap inside a paragraph
    }
  }
  flush();
  r.body = body;

  std::size_t k = end + (end < lines.size() ? 1 : 0);
  if (end < lines.size()) {
    std::string after = trim(lines[end].substr(std::string("Nơi nhận").size()));
    if (!after.empty() && after != ":") r.distribution.push_back(trim(after.substr(after[0] == ':' ? 1 : 0)));
  }
  std::vector<std::string> signature;
  for (; k < lines.size(); ++k) {
    const std::string& l = lines[k];
    if (starts_with(l, "- ") || starts_with(l, "Lưu")) {
      r.distribution.push_back(starts_with(l, "- ") ? trim(l.substr(2)) : l);
    } else {
      signature.push_back(l);
    }
  }
  if (!signature.empty()) {
    r.signer_name = signature.back();
    signature.pop_back();
    for (const std::string& s : signature) r.signer_title += (r.signer_title.empty() ? "" : " – ") + i18n::sentence_case(s);
  }

  // "UBND phường Trường Thi", "Ủy ban nhân dân xã Nguyễn Lương Bằng": the unit, then its capitalised name.
  static const std::regex issuer(R"((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ủy ban Nhân dân) (phường|xã|thị trấn|Phường|Xã) ([^\n]*))");
  std::smatch m;
  std::string haystack = r.title + "\n" + body;
  for (auto it = std::sregex_iterator(haystack.begin(), haystack.end(), issuer); it != std::sregex_iterator(); ++it) {
    std::string name;
    std::string rest = (*it)[2].str();
    for (std::size_t pos = 0; pos < rest.size();) {
      std::size_t end = rest.find(' ', pos);
      std::string word = rest.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      std::string clean = word;
      while (!clean.empty() && std::string(",.;:)").find(clean.back()) != std::string::npos) clean.pop_back();
      if (clean.empty() || !i18n::starts_upper(clean)) break;
      name += (name.empty() ? "" : " ") + clean;
      if (clean != word || end == std::string::npos) break;  // punctuation ends the name
      pos = end + 1;
    }
    if (name.empty()) continue;
    std::string unit = (*it)[1].str();
    r.issuer = "UBND " + (unit == "Phường" ? std::string("phường") : unit == "Xã" ? std::string("xã") : unit) + " " + name;
    break;
  }
  find_documents(r.title + "\n" + body, r.directives);
  find_figures(body, r.figures);
  return r;
}

std::string report_markdown(const ImportedReport& r, const std::string& kind, const std::string& from,
                            const std::string& to) {
  std::string out = "---\n# Imported by `minhbach import`: check every line against the original.\n";
  out += "title: " + quote_yaml(r.title.empty() ? "Báo cáo" : r.title) + "\n";
  out += "kind: " + kind + "\n";
  out += "period: {from: " + from + ", to: " + to + "}   # the period the report covers: check it\n";
  out += "number: " + quote_yaml(r.number) + "\n";
  out += (r.date.empty() ? "# date: \n" : "date: " + r.date + "\n");
  if (!r.place.empty()) out += "place: " + quote_yaml(r.place) + "\n";
  out += "issuer: " + quote_yaml(r.issuer.empty() ? "UBND" : r.issuer) + "\n";
  if (!r.recipient.empty()) out += "recipient: " + quote_yaml(r.recipient) + "\n";
  out += "signer: {name: " + quote_yaml(r.signer_name) + ", title: " + quote_yaml(r.signer_title) + "}\n";
  if (!r.distribution.empty()) {
    out += "distribution:\n";
    for (const std::string& d : r.distribution) out += "  - " + quote_yaml(d) + "\n";
  }
  if (!r.directives.empty()) {
    out += "directives:\n";
    for (const std::string& d : r.directives) out += "  - " + quote_yaml(d) + "\n";
  }
  out += "# Figures found in the text: make each a real indicator (id from data/indicators.yaml) or delete it.\n";
  out += "# indicators:\n";
  for (const std::string& f : r.figures) out += "#   ?: " + f + "\n";
  out += "---\n\n" + r.body;
  return out;
}

int import_report(const ImportOptions& o, std::ostream& out, std::ostream& err) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    err << "minhbach: cannot read " << o.file << "\n";
    return kUsageError;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::size_t bad = 0;
  if (!is_valid_utf8(text.str(), &bad)) {
    err << "minhbach: " << o.file << " is not UTF-8 (first bad byte at offset " << bad << ")\n"
        << "  hint: save the export as UTF-8 text\n";
    return kContentError;
  }
  ImportedReport r = parse_plain_report(text.str());
  std::string period = o.period.empty() ? r.date.substr(0, 4) : o.period;
  std::string from = period.size() >= 4 ? period.substr(0, 4) + "-01-01" : "2025-01-01";
  std::string to = (period.size() == 9 ? period.substr(5) : period.substr(0, 4)) + "-12-31";
  if (period.size() < 4) to = "2025-12-31";
  // Without --period, a report dated within its year covers that year up to its date.
  if (o.period.empty() && r.date.size() >= 7) {
    std::optional<Date> d = parse_partial_date(r.date);
    if (d) to = to_iso(last_day(*d));
  }
  std::string markdown = report_markdown(r, o.kind, from, to);
  if (o.locality.empty()) {
    out << markdown;
    return kOk;
  }
  std::string slug = o.slug.empty() ? i18n::slugify(period.substr(0, 4) + " bao cao") : o.slug;
  if (!i18n::is_valid_slug(slug) || !i18n::is_valid_slug(o.locality)) {
    err << "minhbach: '" << (i18n::is_valid_slug(slug) ? o.locality : slug) << "' is not a valid slug\n";
    return kContentError;
  }
  std::string path = o.source + "/content/localities/" + o.locality + "/reports/" + slug + ".vi.md";
  if (std::filesystem::exists(path)) {
    err << "minhbach: " << path << " already exists\n  hint: choose another --slug; import never overwrites\n";
    return kContentError;
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::ofstream(path, std::ios::binary) << markdown;
  out << "created " << path << "\n"
      << "Check it against the original, confirm the figures, then translate it into " << slug << ".en.md\n";
  return kOk;
}

}  // namespace mb::cli
