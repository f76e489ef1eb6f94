#include "indicators/chart.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace mb::indicators;

namespace {

constexpr std::size_t npos = std::string::npos;

// Text and attribute values may hold no raw '<' and only the five XML entities.
std::string text_problem(const std::string& t) {
  static const std::set<std::string> entities = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;"};
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k] == '<') return "raw '<' in '" + t + "'";
    if (t[k] != '&') continue;
    std::size_t semi = t.find(';', k);
    if (semi == npos || !entities.count(t.substr(k, semi - k + 1))) return "bad '&' in '" + t + "'";
  }
  return "";
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_';
}

// "" when `xml` is one well-formed element (tags nest, attributes are quoted
// and unique, text is escaped), else what is wrong. Enough for our SVG.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  int roots = 0;
  for (std::size_t i = 0; i < xml.size();) {
    std::size_t lt = xml.find('<', i);
    std::string text = xml.substr(i, lt == npos ? npos : lt - i);
    if (open.empty() && text.find_first_not_of(" \n") != npos) return "text outside the root: " + text;
    if (std::string p = text_problem(text); !p.empty()) return p;
    if (lt == npos) break;
    std::size_t p = lt + 1;
    bool closing = p < xml.size() && xml[p] == '/';
    if (closing) ++p;
    std::size_t name_end = p;
    while (name_end < xml.size() && is_name_char(xml[name_end])) ++name_end;
    if (name_end == p) return "tag without a name at " + std::to_string(lt);
    std::string name = xml.substr(p, name_end - p);
    p = name_end;
    std::set<std::string> attributes;
    for (;;) {
      while (p < xml.size() && xml[p] == ' ') ++p;
      if (p >= xml.size()) return "unterminated tag " + name;
      if (xml[p] == '>' || xml.compare(p, 2, "/>") == 0) break;
      if (closing) return "attribute in closing tag " + name;
      std::size_t eq = p;
      while (eq < xml.size() && is_name_char(xml[eq])) ++eq;
      if (eq == p || eq + 1 >= xml.size() || xml[eq] != '=' || xml[eq + 1] != '"') return "bad attribute in " + name;
      if (!attributes.insert(xml.substr(p, eq - p)).second) return "duplicate attribute in " + name;
      std::size_t end = xml.find('"', eq + 2);
      if (end == npos) return "unterminated attribute in " + name;
      if (std::string bad = text_problem(xml.substr(eq + 2, end - eq - 2)); !bad.empty()) return bad;
      p = end + 1;
      if (p < xml.size() && xml[p] != ' ' && xml[p] != '>' && xml[p] != '/')
        return "attributes run together in " + name;
    }
    bool self_closing = xml[p] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
      open.pop_back();
    } else if (!self_closing) {
      if (open.empty()) ++roots;
      open.push_back(name);
    } else if (open.empty()) {
      ++roots;
    }
    i = xml.find('>', p) + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  return roots == 1 ? "" : "not exactly one root element";
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

bool contains(const std::string& s, const std::string& needle) {
  return s.find(needle) != npos;
}

const ChartText kText{"c1", "Lượt tiếp công dân", "Số lượt tiếp công dân của ba phường năm 2023"};

}  // namespace

TEST_CASE("indicators: the XML checker of these tests catches what it should") {
  CHECK(xml_problem("<svg><title>a</title></svg>") == "");
  CHECK(xml_problem("<svg><title>a</svg>") != "");
  CHECK(xml_problem("<svg><text>a < b</text></svg>") != "");
  CHECK(xml_problem("<svg><text>a & b</text></svg>") != "");
  CHECK(xml_problem("<svg a=\"1\" a=\"2\"/>") != "");
  CHECK(xml_problem("<svg a=\"x\"b=\"y\"/>") != "");
  CHECK(xml_problem("<svg/><svg/>") != "");
}

TEST_CASE("indicators: bar_chart is well-formed SVG with a title, a description and one bar per item") {
  std::vector<ChartItem> bars = {{"Phường Trường Thi", "", 10, "10"}, {"Xã A", "", 20, "20"}, {"Xã B", "", 0, "0"}};
  std::string svg = bar_chart(kText, bars, false);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-bar\" viewBox=\"0 0 360 132\" "
                  "role=\"img\" aria-labelledby=\"c1-title c1-desc\">\n",
                  0) == 0);
  CHECK(contains(svg, "<title id=\"c1-title\">Lượt tiếp công dân</title>\n"));
  CHECK(contains(svg, "<desc id=\"c1-desc\">Số lượt tiếp công dân của ba phường năm 2023</desc>\n"));
  CHECK(svg.size() >= 7);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
  CHECK(count(svg, "<rect class=\"bar\"") == 3);
  CHECK(count(svg, "<rect") == 3);
  CHECK(count(svg, "<circle") == 0);
  // Bars scale to the largest value over a 290-unit track; an empty bar stays visible.
  CHECK(contains(svg, "<rect class=\"bar\" x=\"0\" y=\"27\" width=\"145\" height=\"14\""));
  CHECK(contains(svg, "<rect class=\"bar\" x=\"0\" y=\"67\" width=\"290\" height=\"14\""));
  CHECK(contains(svg, "<rect class=\"bar\" x=\"0\" y=\"107\" width=\"1\" height=\"14\""));
  // Labels in order, each value printed on the chart.
  CHECK(svg.find(">Phường Trường Thi</text>") < svg.find(">Xã A</text>"));
  CHECK(svg.find(">Xã A</text>") < svg.find(">Xã B</text>"));
  CHECK(contains(svg, "font-weight=\"bold\">20</text>"));
  CHECK_FALSE(contains(svg, "xml:lang"));
}

TEST_CASE("indicators: a percentage bar chart scales to 100") {
  std::string svg = bar_chart(kText, {{"A", "", 50, "50%"}, {"B", "", 25, "25%"}}, true);
  CHECK(xml_problem(svg) == "");
  CHECK(contains(svg, "viewBox=\"0 0 360 92\""));
  CHECK(contains(svg, "width=\"145\""));
  CHECK(contains(svg, "width=\"72.5\""));
  CHECK(count(svg, "<rect class=\"bar\"") == 2);
  std::string empty = bar_chart(kText, {}, false);
  CHECK(xml_problem(empty) == "");
  CHECK(count(empty, "<rect") == 0);
  CHECK(contains(empty, "<title id=\"c1-title\">"));
}

TEST_CASE("indicators: line_chart is well-formed SVG with one point per item") {
  std::vector<ChartItem> points = {{"2021", "", 50, "50%"}, {"2022", "", 100, "100%"}, {"2023", "", 0, "0%"}};
  std::string svg = line_chart(kText, points, true);
  CHECK(xml_problem(svg) == "");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-line\" viewBox=\"0 0 360 200\" "
                  "role=\"img\" aria-labelledby=\"c1-title c1-desc\">\n",
                  0) == 0);
  CHECK(contains(svg, "<title id=\"c1-title\">Lượt tiếp công dân</title>"));
  CHECK(contains(svg, "<desc id=\"c1-desc\">"));
  CHECK(count(svg, "<circle class=\"point\"") == 3);
  CHECK(count(svg, "<rect") == 0);
  CHECK(count(svg, "<polyline") == 1);
  // x spreads over 10..350; y: 100% at the top of the plot (24), 0 on the axis (160).
  CHECK(contains(svg, "<polyline points=\"10,92 180,24 350,160\""));
  CHECK(contains(svg, "<circle class=\"point\" cx=\"10\" cy=\"92\" r=\"4\""));
  CHECK(contains(svg, "font-weight=\"bold\">100%</text>"));
  CHECK(svg.find(">2021</text>") < svg.find(">2022</text>"));
  CHECK(svg.find(">2022</text>") < svg.find(">2023</text>"));
}

TEST_CASE("indicators: a line chart of one point puts it in the middle") {
  std::string svg = line_chart(kText, {{"2023", "", 7, "7"}}, false);
  CHECK(xml_problem(svg) == "");
  CHECK(count(svg, "<circle class=\"point\"") == 1);
  CHECK(contains(svg, "<circle class=\"point\" cx=\"180\" cy=\"24\""));  // its own maximum
}

TEST_CASE("indicators: labels, titles and ids are escaped in charts") {
  ChartText text{"c\"2", "A & B <b>", "x < y"};
  std::vector<ChartItem> items = {{"<script>alert('x')</script>", "vi", 5, "<5>"}};
  for (const std::string& svg : {bar_chart(text, items, false), line_chart(text, items, false)}) {
    CHECK(xml_problem(svg) == "");
    CHECK_FALSE(contains(svg, "<script"));
    CHECK_FALSE(contains(svg, "<b>"));
    CHECK(contains(svg, " xml:lang=\"vi\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</text>"));
    CHECK(contains(svg, ">&lt;5&gt;</text>"));
    CHECK(contains(svg, "<title id=\"c&quot;2-title\">A &amp; B &lt;b&gt;</title>"));
    CHECK(contains(svg, "<desc id=\"c&quot;2-desc\">x &lt; y</desc>"));
    CHECK(contains(svg, "aria-labelledby=\"c&quot;2-title c&quot;2-desc\""));
  }
}

// svg_number rounds without printf where it safely can: it must write
// exactly what "%.1f" (minus ".0") writes, ties and near-ties included.
TEST_CASE("indicators: svg_number writes what printf's %.1f writes") {
  auto printf_text = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.erase(s.size() - 2);
    return s;
  };
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> coordinate(0, 2000);
  std::vector<double> values = {0,    -0.0, 0.04,  0.05,  0.15,   0.25,  0.35, 0.45,
                                1.25, 2.5,  12.35, 99.95, 359.99, -3.25, 1e12};
  for (int i = 0; i < 200000; ++i) values.push_back(coordinate(rng));
  for (int i = 0; i < 20000; ++i) values.push_back(i / 100.0 + 0.05);      // near every tie
  for (int i = 0; i < 2000; ++i) values.push_back(i / 8.0);                // exact ties: x.125, x.375…
  for (int i = 0; i < 2000; ++i) values.push_back(24 + 136.0 * i / 1999);  // chart arithmetic
  int mismatches = 0;
  for (double v : values)
    if (svg_number(v) != printf_text(v)) ++mismatches;
  CHECK(mismatches == 0);
  CHECK(svg_number(12) == "12");
  CHECK(svg_number(12.5) == "12.5");
}
