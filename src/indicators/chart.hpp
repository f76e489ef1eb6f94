// SVG charts that need no JavaScript: a horizontal bar chart comparing
// localities (or breakdown items) and a line chart over periods. Each has a
// <title> and <desc>; the page puts a data table beside it as the text
// alternative. Values are printed on the chart, so colour never carries
// meaning alone. The viewBox is 360 units wide: text is full size on a
// 360 px phone and the chart scales up on wider screens.
#pragma once

#include <string>
#include <vector>

namespace mb::indicators {

struct ChartItem {
  std::string label;       // locality name, breakdown item or period
  std::string label_lang;  // "vi" when the label is Vietnamese on an English page, else ""
  double value = 0;
  std::string value_text;  // formatted for the page's language
};

struct ChartText {
  std::string id;     // unique within the page, for aria-labelledby
  std::string title;
  std::string desc;
};

std::string bar_chart(const ChartText& text, const std::vector<ChartItem>& bars, bool percent);
std::string line_chart(const ChartText& text, const std::vector<ChartItem>& points, bool percent);

// A coordinate as the charts write it: printf's "%.1f" without a trailing
// ".0" ("12", "12.5"). Exposed for tests.
std::string svg_number(double v);

}  // namespace mb::indicators
