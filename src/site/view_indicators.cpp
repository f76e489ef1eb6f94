// Indicator pages, the figures box and breakdowns of a report, and the
// locality dashboard: numbers formatted per language, charts with a table.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "i18n/format.hpp"
#include "indicators/chart.hpp"
#include "indicators/open_data.hpp"
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

std::string value_text(const content::IndicatorDef& def, double v, Lang lang) {
  return def.percent ? i18n::format_percent(v, lang) : i18n::format_number(v, lang);
}

std::string unit_text(const content::IndicatorDef& def, Lang lang) { return def.percent ? "" : def.unit[lang]; }

std::string locality_name(const model::Locality& l, Lang lang) { return l.page->in(lang).title; }
std::string name_lang(const model::Page& p, Lang lang) { return lang == Lang::en && !p.translated() ? "vi" : ""; }

// An observation as figure data: qualifier, number, unit, note.
Data observation_value(const ViewContext& ctx, const content::IndicatorDef& def, const indicators::Observation& o,
                       Lang lang) {
  if (!o.value) {
    Data d;
    d.set("number", ui(ctx.theme, lang, "by_breakdown"));
    for (const char* key : {"qualifier", "unit", "note", "note_lang", "number_lang"})
      d.set(std::string_view(key), false);
    return d;
  }
  return quantity_data({*o.value, o.note}, def.id, unit_text(def, lang), def.percent, lang, ctx.theme, o.report->en);
}

Data breakdown_data(const ViewContext& ctx, const content::IndicatorDef& def,
                    const std::vector<std::pair<std::string, double>>& items, Lang lang, const std::string& chart_id,
                    const std::string& context) {
  const content::Breakdown* b = ctx.site.catalogue.breakdown(def.breakdown);
  Data d;
  d.set("dimension", b ? b->name[lang] : "");
  d.set("indicator", def.name[lang]);
  Data rows = list();
  std::vector<indicators::ChartItem> bars;
  for (const auto& [item, v] : items) {
    const LocalizedText* name = b ? b->item(item) : nullptr;
    Data row;
    row.set("label", name ? (*name)[lang] : item);
    row.set("value", value_text(def, v, lang));
    rows.push_back(std::move(row));
    bars.push_back({name ? (*name)[lang] : item, "", v, value_text(def, v, lang)});
  }
  d.set("rows", std::move(rows));
  std::string title = def.name[lang] + " — " + (b ? b->name[lang] : "") + (context.empty() ? "" : ", " + context);
  d.set("chart", indicators::bar_chart({chart_id, title, ui(ctx.theme, lang, "chart_desc_breakdown")}, bars, def.percent));
  return d;
}

// The change from the previous value of the same kind of report: ▲/▼ and words.
Data change_data(const ViewContext& ctx, const content::IndicatorDef& def, const indicators::Observation& now,
                 const indicators::Observation* before, Lang lang) {
  Data d;
  d.set("has_change", false);
  if (!before || !before->value || !now.value) {
    d.set("text", ui(ctx.theme, lang, "no_previous"));
    return d;
  }
  double delta = *now.value - *before->value;
  std::string direction = delta > 0 ? "increase" : delta < 0 ? "decrease" : "same";
  d.set("has_change", true);
  d.set("symbol", delta > 0 ? "▲" : delta < 0 ? "▼" : "＝");
  std::string amount = i18n::format_number(std::fabs(delta), lang);
  if (def.percent) amount += " " + ui(ctx.theme, lang, std::fabs(delta) == 1 ? "point" : "points");
  std::string text = ui(ctx.theme, lang, "change_" + direction);
  if (delta != 0) text += " " + amount;
  text += " " + ui(ctx.theme, lang, "since") + " " +
          i18n::format_period(before->from(), before->to(), lang);
  if (delta != 0 && def.better != "none") {
    bool better = (delta > 0) == (def.better == "higher");
    text += " (" + ui(ctx.theme, lang, better ? "better" : "worse") + ")";
  }
  d.set("text", text);
  return d;
}

const indicators::Observation* latest(const std::vector<const indicators::Observation*>& obs) {
  for (auto it = obs.rbegin(); it != obs.rend(); ++it)
    if ((*it)->value) return *it;
  return obs.empty() ? nullptr : obs.back();
}

std::optional<double> population(const model::Locality& l) {
  const auto& p = l.page->vi->locality_fields.population;
  return p && p->value > 0 ? std::optional<double>(p->value) : std::nullopt;
}

}  // namespace

void add_report_figures(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const model::Page& page = *route.page;
  Data figures = list(), breakdowns = list();
  int chart = 0;
  for (const auto& [id, v] : page.vi->report.indicators) {
    const content::IndicatorDef* def = ctx.site.catalogue.indicator(id.value);
    if (!def) continue;
    indicators::Observation o{&page, nullptr, v.value, v.note, false, {}, v.offset};
    Data f = observation_value(ctx, *def, o, lang);
    f.set("name", def->name[lang]);
    f.set("url", ctx.urls.indicator(def->id, lang));
    figures.push_back(std::move(f));
    if (v.breakdown.empty()) continue;
    std::vector<std::pair<std::string, double>> items;
    for (const auto& [item, x] : v.breakdown) items.push_back({item.value, x});
    breakdowns.push_back(breakdown_data(ctx, *def, items, lang, "breakdown-" + std::to_string(++chart), ""));
  }
  set_list(d, "figures", std::move(figures));
  set_list(d, "breakdowns", std::move(breakdowns));
}

void add_dashboard(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const model::Locality* loc = ctx.site.locality(route.page->locality);
  Data rows = list();
  if (loc) {
    for (const indicators::Series& s : ctx.indicators.series) {
      std::vector<const indicators::Observation*> obs = ctx.indicators.of(s.def->id, *loc);
      const indicators::Observation* now = latest(obs);
      if (!now) continue;
      const indicators::Observation* before = nullptr;
      for (const indicators::Observation* o : obs)
        if (o != now && o->value && o->kind() == now->kind() && o->to() < now->to()) before = o;
      Data row = observation_value(ctx, *s.def, *now, lang);
      row.set("name", s.def->name[lang]);
      row.set("url", ctx.urls.indicator(s.def->id, lang));
      row.set("period", i18n::format_period(now->from(), now->to(), lang));
      row.set("derived", now->derived);
      row.set("change", change_data(ctx, *s.def, *now, before, lang));
      rows.push_back(std::move(row));
    }
  }
  set_list(d, "dashboard", std::move(rows));
  d.set("csv_url", ctx.urls.asset("data/indicators.csv"));
}

void add_indicators(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  Data groups = list();
  for (const content::Category& c : ctx.site.catalogue.categories) {
    Data items = list();
    for (const indicators::Series& s : ctx.indicators.series) {
      if (s.def->category != c.id) continue;
      // A set: a national series has a thousand localities and ten times as many observations.
      std::unordered_set<const model::Locality*> with;
      for (const indicators::Observation& o : s.observations) with.insert(o.locality);
      Data item;
      item.set("name", s.def->name[lang]);
      item.set("url", ctx.urls.indicator(s.def->id, lang));
      item.set("unit", s.def->percent ? "%" : s.def->unit[lang]);
      item.set("localities", i18n::format_number(static_cast<double>(with.size()), lang));
      item.set("derived", !s.def->derived.empty());
      items.push_back(std::move(item));
    }
    if (items.is_empty_list()) continue;
    Data g;
    g.set("name", c.name[lang]);
    g.set("id", "nhom-" + c.id);
    g.set("indicators", std::move(items));
    groups.push_back(std::move(g));
  }
  set_list(d, "groups", std::move(groups));
  d.set("csv_url", ctx.urls.asset("data/indicators.csv"));
  d.set("json_url", ctx.urls.asset("data/indicators.json"));
  d.set("datapackage_url", ctx.urls.asset("data/datapackage.json"));
}

void add_indicator(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  const indicators::Series& s = *ctx.indicators.find(route.key);
  const content::IndicatorDef& def = *s.def;
  d.set("definition", def.definition[lang]);
  d.set("unit", def.percent ? ui(ctx.theme, lang, "unit_percent") : def.unit[lang]);
  d.set("better", ui(ctx.theme, lang, "better_" + def.better));
  const content::Category* cat = ctx.site.catalogue.category(def.category);
  d.set("category", cat ? cat->name[lang] : "");
  d.set("derived_from", false);
  if (!def.derived.empty()) {
    std::string text = def.derived;
    for (const content::IndicatorDef& other : ctx.site.catalogue.indicators) {
      std::size_t at;
      while ((at = text.find(other.id)) != std::string::npos) text.replace(at, other.id.size(), "«" + other.name[lang] + "»");
    }
    d.set("derived_from", text);
  }

  // Every value, by locality and period.
  Data table = list();
  bool per_capita = false;
  for (const indicators::Observation& o : s.observations) {
    Data row = observation_value(ctx, def, o, lang);
    row.set("locality", locality_name(*o.locality, lang));
    row.set("locality_lang", optional(name_lang(*o.locality->page, lang)));
    row.set("locality_url", ctx.urls.page(*o.locality->page, lang));
    row.set("report_url", ctx.urls.page(*o.report, lang));
    row.set("period", i18n::format_period(o.from(), o.to(), lang));
    row.set("derived", o.derived);
    std::optional<double> pop = population(*o.locality);
    row.set("per_1000", optional(def.per_capita && pop && o.value ? i18n::format_number(std::round(*o.value / *pop * 1000 * 100) / 100, lang) : ""));
    per_capita = per_capita || (def.per_capita && pop && o.value);
    table.push_back(std::move(row));
  }
  set_list(d, "values", std::move(table));
  d.set("per_capita", per_capita);

  // The latest value of each locality: a bar chart and the same rows as its table.
  std::vector<indicators::ChartItem> bars;
  Data latest_rows = list();
  std::vector<const model::Locality*> order = localities_by_name(ctx.site);
  Data lines = list();
  int chart = 0;
  for (const model::Locality* loc : order) {
    std::vector<const indicators::Observation*> obs = ctx.indicators.of(def.id, *loc);
    const indicators::Observation* now = latest(obs);
    if (!now || !now->value) continue;
    std::string name = locality_name(*loc, lang);
    bars.push_back({name, name_lang(*loc->page, lang), *now->value, value_text(def, *now->value, lang)});
    Data row;
    row.set("label", name);
    row.set("label_lang", optional(name_lang(*loc->page, lang)));
    row.set("period", i18n::format_period(now->from(), now->to(), lang));
    row.set("value", value_text(def, *now->value, lang));
    latest_rows.push_back(std::move(row));
    std::vector<indicators::ChartItem> points;
    Data point_rows = list();
    for (const indicators::Observation* o : obs) {
      if (!o->value) continue;
      std::string period = i18n::format_period(o->from(), o->to(), lang);
      points.push_back({period, "", *o->value, value_text(def, *o->value, lang)});
      Data pr;
      pr.set("label", period);
      pr.set("value", value_text(def, *o->value, lang));
      point_rows.push_back(std::move(pr));
    }
    if (points.size() < 2) continue;
    Data line;
    line.set("locality", name);
    line.set("locality_lang", optional(name_lang(*loc->page, lang)));
    line.set("rows", std::move(point_rows));
    line.set("chart", indicators::line_chart({"line-" + std::to_string(++chart), def.name[lang] + " — " + name,
                                              ui(ctx.theme, lang, "chart_desc_line")},
                                             points, def.percent));
    lines.push_back(std::move(line));
  }
  set_list(d, "latest", std::move(latest_rows));
  d.set("bar_chart", bars.empty() ? Data(false)
                                   : Data(indicators::bar_chart({"bar-latest", def.name[lang], ui(ctx.theme, lang, "chart_desc_bar")},
                                                                bars, def.percent)));
  set_list(d, "lines", std::move(lines));

  Data breakdowns = list();
  for (const indicators::Observation& o : s.observations) {
    if (o.breakdown.empty()) continue;
    std::string context = locality_name(*o.locality, lang) + ", " + i18n::format_period(o.from(), o.to(), lang);
    Data b = breakdown_data(ctx, def, o.breakdown, lang, "breakdown-" + std::to_string(++chart), context);
    b.set("context", context);
    breakdowns.push_back(std::move(b));
  }
  set_list(d, "breakdowns", std::move(breakdowns));
  d.set("csv_url", ctx.urls.asset("data/" + indicators::csv_name(def.id)));
  d.set("all_csv_url", ctx.urls.asset("data/indicators.csv"));
  d.set("json_url", ctx.urls.asset("data/indicators.json"));
  d.set("json_ld", dataset_json_ld(ctx, def, route));
}

}  // namespace mb::site
