// Pieces of view models shared by several page kinds.
#pragma once

#include "core/output_file.hpp"
#include "site/view.hpp"

namespace mb::site {

inline Data list() { return Data::list(); }

// Mustache looks a missing key up in the enclosing context, so a list item
// without a summary would show the page's. Optional values are therefore
// always set: to the text, or to false.
inline Data optional(const std::string& text) { return text.empty() ? Data(false) : Data(text); }
inline Data optional(std::string&& text) {
  return text.empty() ? Data(false) : Data(std::move(text));
}

// Sets `key` to the list and `has_key` to whether it has items, so templates
// can wrap a list in a heading only when it is not empty.
inline void set_list(Data& d, const std::string& key, Data items) {
  d.set("has_" + key, !items.is_empty_list());
  d.set(key, std::move(items));
}

// The label of an enumerated value: ui("kind_ward"), ui("status_ongoing")…
std::string label(const ViewContext& ctx, Lang lang, const std::string& prefix, const std::string& value);

// {title, url} of a page in `lang`, with title_lang when the text shown is Vietnamese on an English page.
Data link_data(const ViewContext& ctx, const model::Page& page, Lang lang);

// Rendered Markdown body and its table of contents.
void add_body(const ViewContext& ctx, const Route& route, const content::Document& doc, Data& d,
              Diagnostics& diags, std::string* text);

// Per-kind page data.
void add_locality(const ViewContext& ctx, const Route& route, Data& d);
void add_report(const ViewContext& ctx, const Route& route, Data& d);
void add_initiative(const ViewContext& ctx, const Route& route, Data& d);
void add_localities(const ViewContext& ctx, const Route& route, Data& d);
void add_home(const ViewContext& ctx, const Route& route, Data& d);
void add_report_figures(const ViewContext& ctx, const Route& route, Data& d);
void add_dashboard(const ViewContext& ctx, const Route& route, Data& d);
void add_indicators(const ViewContext& ctx, const Route& route, Data& d);
void add_initiatives(const ViewContext& ctx, const Route& route, Data& d);
void add_translations(const ViewContext& ctx, const Route& route, Data& d);
void add_documents(const ViewContext& ctx, const Route& route, Data& d);
void add_document(const ViewContext& ctx, const Route& route, Data& d);
// "Chỉ thị 33/CT-TTg" / "Directive 33/CT-TTg".
std::string document_title(const ViewContext& ctx, const std::string& slug, Lang lang);
std::string facet_label(const ViewContext& ctx, const std::string& facet, const std::string& value, Lang lang);
Data initiative_summary(const ViewContext& ctx, const model::Page& p, Lang lang);
void add_indicator(const ViewContext& ctx, const Route& route, Data& d);

// schema.org Dataset JSON-LD for an indicator page, safe inside <script>.
std::string dataset_json_ld(const ViewContext& ctx, const content::IndicatorDef& def, const Route& route);

// The same page in `lang`.
std::string twin_path(const ViewContext& ctx, const Route& route, Lang lang);

// atom.xml per language, sitemap.xml and robots.txt.
std::vector<OutputFile> machine_files(const ViewContext& ctx, const std::vector<Route>& routes);

// The page's title in its language: a content file's, or the name of a made page.
std::string route_title(const ViewContext& ctx, const Route& route);

// Localities sorted by name with Vietnamese collation.
std::vector<const model::Locality*> localities_by_name(const model::Site& site);

}  // namespace mb::site
