#include "yaml/read.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/suggest.hpp"

namespace mb::yaml {

static std::size_t span_of(const Node& n) {
  return n.is_scalar() ? std::max<std::size_t>(n.value.size(), 1) : 1;
}

void Reader::error(const Node& at, std::string message, std::string hint) const {
  diags.add(file.at(Severity::error, at.offset, span_of(at), std::move(message), std::move(hint)));
}

void Reader::warning(const Node& at, std::string message, std::string hint) const {
  diags.add(file.at(Severity::warning, at.offset, span_of(at), std::move(message), std::move(hint)));
}

static std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

std::optional<std::string> Reader::text(const Node& n, std::string_view key) const {
  if (n.is_null()) return std::string();
  if (!n.is_scalar()) {
    error(n, quoted(key) + " must be text, found " + n.kind_name(),
          "write the text after the key on the same line, in quotes if it begins with '-', '[' or '{'");
    return std::nullopt;
  }
  // A raw one is refused with the file; this is one written as an escape.
  char32_t code = 0;
  if (find_control_character(n.value, &code) != std::string::npos) {
    error(n, quoted(key) + " holds the control character " + code_point_name(code),
          "remove the escape that writes it (\\u" + code_point_name(code).substr(2) +
              " or similar): pages and feeds cannot carry it");
    return std::nullopt;
  }
  return n.value;
}

// Plain YAML numbers only: "14000", "0.84", "-3", "1e3". A Vietnamese-formatted
// "14.000" or "0,84" would silently change meaning, so it is refused with a hint.
static bool parse_plain_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  const char* begin = s.c_str();
  char* end = nullptr;
  errno = 0;
  out = std::strtod(begin, &end);
  return errno == 0 && end == begin + s.size() && std::isfinite(out) &&
         s.find_first_of("xXpPnN") == std::string::npos;  // no hex, inf or nan
}

// "14.000", "1.460" or "4.075": in Vietnamese a thousands separator, in YAML a
// decimal point. Too likely to be misread either way to accept silently.
static bool looks_grouped(const std::string& s) {
  std::size_t dot = s.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 3 || s[0] == '0' || s[0] == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((i - dot) % 4 == 0 && i >= dot) {
      if (s[i] != '.') return false;
    } else if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return (s.size() - dot) % 4 == 0;
}

std::optional<double> Reader::number(const Node& n, std::string_view key) const {
  double value = 0;
  if (n.is_scalar() && !n.quoted && looks_grouped(n.value)) {
    std::string whole = n.value;
    whole.erase(std::remove(whole.begin(), whole.end(), '.'), whole.end());
    bool one_dot = std::count(n.value.begin(), n.value.end(), '.') == 1;
    if (one_dot)
      error(n, "'" + std::string(key) + "' is written '" + n.value + "', which could mean " + whole + " or a decimal",
            "write " + whole + " for the whole number (no thousands separators), or drop the trailing zeros of a decimal");
    else
      error(n, "'" + std::string(key) + "' is written with thousands separators: '" + n.value + "'",
            "write " + whole + "; the site shows it as " + n.value + " in Vietnamese and with commas in English");
    return std::nullopt;
  }
  if (n.is_scalar() && !n.quoted && parse_plain_number(n.value, value)) return value;
  std::string hint = "write the number the YAML way, e.g. 14000 or 0.84";
  if (n.is_scalar() && n.value.find(',') != std::string::npos)
    hint = "write numbers with '.' as the decimal mark and no thousands separators, e.g. 0.84 or 14000";
  else if (n.is_scalar() && n.value.size() > 3 && n.value[n.value.size() - 4] == '.')
    hint = "'" + n.value + "' would be read as a decimal; write thousands without separators, e.g. 14000";
  else if (n.quoted)
    hint = "remove the quotes: a quoted value is text";
  error(n, quoted(key) + " must be a number, found " +
               (n.is_scalar() ? "'" + n.value + "'" : std::string(n.kind_name())),
        hint);
  return std::nullopt;
}

std::optional<long long> Reader::integer(const Node& n, std::string_view key) const {
  auto v = number(n, key);
  if (!v) return std::nullopt;
  if (std::floor(*v) != *v || std::fabs(*v) > 9e15) {
    error(n, quoted(key) + " must be a whole number, found '" + n.value + "'",
          "write the number without a decimal part or thousands separators, e.g. 14000");
    return std::nullopt;
  }
  return static_cast<long long>(*v);
}

std::optional<bool> Reader::boolean(const Node& n, std::string_view key) const {
  if (n.is_scalar() && !n.quoted) {
    if (n.value == "true") return true;
    if (n.value == "false") return false;
  }
  error(n, quoted(key) + " must be true or false", "write true or false, without quotes");
  return std::nullopt;
}

std::optional<Date> Reader::date(const Node& n, std::string_view key) const {
  if (n.is_scalar()) {
    if (auto d = parse_iso_date(n.value)) return d;
  }
  error(n, quoted(key) + " must be a date written YYYY-MM-DD" +
               (n.is_scalar() ? ", found '" + n.value + "'" : std::string()),
        "for 26 November 2021 write 2021-11-26");
  return std::nullopt;
}

std::optional<Date> Reader::partial_date(const Node& n, std::string_view key) const {
  if (n.is_scalar()) {
    if (auto d = parse_partial_date(n.value)) return d;
  }
  error(n, quoted(key) + " must be a date written YYYY-MM-DD, YYYY-MM or YYYY" +
               (n.is_scalar() ? ", found '" + n.value + "'" : std::string()),
        "for 26 November 2021 write 2021-11-26; for a document dated only \"tháng 5 năm 2023\" write 2023-05");
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::text_list(const Node& n, std::string_view key) const {
  if (n.is_null()) return std::vector<std::string>{};
  if (!n.is_sequence()) {
    error(n, quoted(key) + " must be a list, found " + n.kind_name(),
          "write one item per line, each starting with '- '");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const Node& item : n.items) {
    if (auto t = text(item, key))
      out.push_back(*t);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> Reader::one_of(const Node& n, std::string_view key,
                                          const std::vector<std::string>& allowed) const {
  auto t = text(n, key);
  if (!t) return std::nullopt;
  for (const std::string& a : allowed)
    if (*t == a) return t;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  std::string hint = did_you_mean(*t, allowed);
  error(n, quoted(key) + " must be one of " + list + ", found '" + *t + "'", hint);
  return std::nullopt;
}

bool Reader::expect_map(const Node& n, std::string_view key) const {
  if (n.is_map()) return true;
  error(n, quoted(key) + " must be a map of key: value pairs, found " + n.kind_name(),
        "put its key: value pairs on the lines below it, each indented by two spaces");
  return false;
}

// The caret of a missing key points at its map: the map's first key, or the
// brace of one written {like: this}.
static std::string missing_hint(std::string_view key, bool flow) {
  const std::size_t dot = key.rfind('.');
  const std::string name(dot == std::string_view::npos ? key : key.substr(dot + 1));
  if (flow) return "add '" + name + ": ...' inside the braces";
  if (dot == std::string_view::npos) return "add a line '" + name + ": ...' at this indentation";
  return "add '" + name + ": ...' under '" + std::string(key.substr(0, dot)) + ":'";
}

void Reader::missing(const Node& map, std::string_view key, std::string_view what) const {
  diags.add(file.at(Severity::error, map.offset, 1,
                    "missing required key " + quoted(key) + (what.empty() ? "" : " (" + std::string(what) + ")"),
                    missing_hint(key, map.offset < file.text().size() && file.text()[map.offset] == '{')));
}

void check_keys(const Reader& r, const Node& map, const std::vector<std::string>& known,
                std::string_view noun,
                const std::function<std::optional<KeyProblem>(const std::string&)>& explain) {
  for (const auto& [key, value] : map.entries) {
    bool found = false;
    for (const std::string& k : known) found = found || k == key.value;
    if (found) continue;
    if (explain) {
      if (auto p = explain(key.value)) {
        r.error(key, p->message, p->hint);
        continue;
      }
    }
    r.error(key, "unknown " + std::string(noun) + " " + quoted(key.value), did_you_mean(key.value, known));
  }
}

}  // namespace mb::yaml
