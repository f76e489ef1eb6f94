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
  return svg_number(v);
}

std::string open_svg(const ChartText& t, int height, const char* kind) {
  std::string id = escape_xml(t.id);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-" + std::string(kind) + "\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " +
         id + "-desc\">\n<title id=\"" + id + "-title\">" + escape_xml(t.title) + "</title>\n<desc id=\"" + id +
         "-desc\">" + escape_xml(t.desc) + "</desc>\n";
}

// A label; appended to `svg` without temporaries, as a chart holds thousands.
void text(std::string& svg, double x, double y, const std::string& content, const std::string& lang,
          const char* anchor = "start", const char* weight = "normal") {
  svg += "<text x=\"";
  svg += num(x);
  svg += "\" y=\"";
  svg += num(y);
  svg += "\" font-size=\"13\" fill=\"";
  svg += kInk;
  svg += "\" text-anchor=\"";
  svg += anchor;
  svg += "\" font-weight=\"";
  svg += weight;
  svg += '"';
  if (!lang.empty()) {
    svg += " xml:lang=\"";
    svg += lang;
    svg += '"';
  }
  svg += '>';
  svg += escape_xml(content);
  svg += "</text>\n";
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
    text(svg, 0, y + 13, b.label, b.label_lang);
    svg += "<rect class=\"bar\" x=\"0\" y=\"" + num(y + 19) + "\" width=\"" + num(std::max(w, 1.0)) +
           "\" height=\"14\" fill=\"" + kBar + "\"/>\n";
    text(svg, w + 6, y + 31, b.value_text, "", "start", "bold");
  }
  svg += "</svg>\n";
  return svg;
}

std::string line_chart(const ChartText& t, const std::vector<ChartItem>& points, bool percent) {
  const int height = 200, left = 10, right = 10, top = 24, bottom = 40;
  const double max = scale_max(points, percent);
  const double plot_w = kWidth - left - right, plot_h = height - top - bottom;
  auto x_of = [&](std::size_t i) {
    return points.size() == 1 ? left + plot_w / 2
                              : left + plot_w * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  auto y_of = [&](double v) { return top + plot_h - std::max(0.0, v) / max * plot_h; };
  std::string svg = open_svg(t, height, "line");
  svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(top + plot_h) + "\" x2=\"" + num(left + plot_w) + "\" y2=\"" +
         num(top + plot_h) + "\" stroke=\"" + kGrid + "\" stroke-width=\"1\"/>\n";
  svg += "<polyline points=\"";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i) svg += ' ';
    svg += num(x_of(i));
    svg += ',';
    svg += num(y_of(points[i].value));
  }
  svg += "\" fill=\"none\" stroke=\"";
  svg += kBar;
  svg += "\" stroke-width=\"2\"/>\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    const char* anchor =
        i == 0 && points.size() > 1 ? "start" : (i + 1 == points.size() && points.size() > 1 ? "end" : "middle");
    svg += "<circle class=\"point\" cx=\"";
    svg += num(x_of(i));
    svg += "\" cy=\"";
    svg += num(y_of(points[i].value));
    svg += "\" r=\"4\" fill=\"";
    svg += kBar;
    svg += "\"/>\n";
    text(svg, x_of(i), y_of(points[i].value) - 8, points[i].value_text, "", anchor, "bold");
    text(svg, x_of(i), height - 18, points[i].label, points[i].label_lang, anchor);
  }
  svg += "</svg>\n";
  return svg;
}

std::string svg_number(double v) {
  // Coordinates are many, and printf took 2,000 instructions each. Below 10^6
  // the product v * 10 is within 10^-9 of the exact one, so rounding it is
  // right unless the tenth is within 10^-6 of a tie: there, and for negative
  // or large values, printf's exact decimal expansion decides.
  const double tenths = v * 10;
  const double fraction = tenths - std::floor(tenths);
  if (!std::signbit(v) && v < 1e6 && std::fabs(fraction - 0.5) > 1e-6) {
    const long long r = std::llround(tenths);
    std::string s = std::to_string(r / 10);
    if (r % 10) {
      s += '.';
      s += static_cast<char>('0' + r % 10);
    }
    return s;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.erase(s.size() - 2);
  return s;
}

}  // namespace mb::indicators
