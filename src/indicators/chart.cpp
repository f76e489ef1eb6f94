#include "indicators/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/xml.hpp"

namespace mb::indicators {

namespace {

constexpr int kWidth = 360;
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kBar = "#a3161a";   // 7.4:1 on white, well above the 3:1 for graphics
constexpr const char* kGrid = "#767676";  // 4.5:1 on white

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.erase(s.size() - 2);
  return s;
}

std::string open_svg(const ChartText& t, int height, const char* kind) {
  std::string id = escape_xml(t.id);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-" + std::string(kind) + "\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\">\n<title id=\"" + id + "-title\">" + escape_xml(t.title) + "</title>\n<desc id=\"" +
         id + "-desc\">" + escape_xml(t.desc) + "</desc>\n";
}

std::string text(double x, double y, const std::string& content, const std::string& lang, const char* anchor = "start",
                 const char* weight = "normal") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"13\" fill=\"" + kInk + "\" text-anchor=\"" +
         anchor + "\" font-weight=\"" + weight + "\"" + (lang.empty() ? "" : " xml:lang=\"" + lang + "\"") + ">" +
         escape_xml(content) + "</text>\n";
}

double scale_max(const std::vector<ChartItem>& items, bool percent) {
  double max = 0;
  for (const ChartItem& i : items) max = std::max(max, i.value);
  if (percent) return 100;
  return max > 0 ? max : 1;
}

}  // namespace

std::string bar_chart(const ChartText& t, const std::vector<ChartItem>& bars, bool percent) {
  // One row per bar: its label above, the bar and its value below, so long
  // Vietnamese names never overlap on a narrow screen.
  const int row = 40, top = 8;
  const int height = top + row * static_cast<int>(bars.size()) + 4;
  const double max = scale_max(bars, percent);
  const double track = kWidth - 70;  // room for the value at the bar's end
  std::string svg = open_svg(t, height, "bar");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartItem& b = bars[i];
    double y = top + row * static_cast<double>(i);
    double w = std::max(0.0, b.value) / max * track;
    svg += text(0, y + 13, b.label, b.label_lang);
    svg += "<rect class=\"bar\" x=\"0\" y=\"" + num(y + 19) + "\" width=\"" + num(std::max(w, 1.0)) +
           "\" height=\"14\" fill=\"" + kBar + "\"/>\n";
    svg += text(w + 6, y + 31, b.value_text, "", "start", "bold");
  }
  svg += "</svg>\n";
  return svg;
}

std::string line_chart(const ChartText& t, const std::vector<ChartItem>& points, bool percent) {
  const int height = 200, left = 10, right = 10, top = 24, bottom = 40;
  const double max = scale_max(points, percent);
  const double plot_w = kWidth - left - right, plot_h = height - top - bottom;
  auto x_of = [&](std::size_t i) {
    return points.size() == 1 ? left + plot_w / 2 : left + plot_w * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  auto y_of = [&](double v) { return top + plot_h - std::max(0.0, v) / max * plot_h; };
  std::string svg = open_svg(t, height, "line");
  svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" +
         num(top + plot_h) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>\n";
  std::string path;
  for (std::size_t i = 0; i < points.size(); ++i)
    path += (i ? " " : "") + num(x_of(i)) + "," + num(y_of(points[i].value));
  svg += "<polyline points=\"" + path + "\" fill=\"none\" stroke=\"" + kBar + "\" stroke-width=\"2\"/>\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    const char* anchor = i == 0 && points.size() > 1 ? "start" : (i + 1 == points.size() && points.size() > 1 ? "end" : "middle");
    svg += "<circle class=\"point\" cx=\"" + num(x_of(i)) + "\" cy=\"" + num(y_of(points[i].value)) + "\" r=\"4\" fill=\"" +
           kBar + "\"/>\n";
    svg += text(x_of(i), y_of(points[i].value) - 8, points[i].value_text, "", anchor, "bold");
    svg += text(x_of(i), height - 18, points[i].label, points[i].label_lang, anchor);
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace mb::indicators
