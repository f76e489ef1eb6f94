// The translation status page, for editors: every page and every UI string,
// translated, missing or stale (the Vietnamese file changed after the English
// twin recorded its hash in translation_of).
#include "site/view_parts.hpp"

namespace mb::site {

namespace {

const char* page_status(const model::Page& p) {
  if (!p.en) return "missing";
  if (p.en->translation_of.value.empty()) return "untracked";
  return p.en->translation_of.value == p.vi->source_hash() ? "translated" : "stale";
}

}  // namespace

void add_translations(const ViewContext& ctx, const Route& route, Data& d) {
  Lang lang = route.lang;
  Data pages = list();
  std::map<std::string, int> counts;
  for (const model::Page& p : ctx.site.pages) {
    const char* status = page_status(p);
    ++counts[status];
    Data row;
    row.set("title", p.vi->title);
    row.set("url", ctx.urls.page(p, Lang::vi));
    row.set("en_url", ctx.urls.page(p, Lang::en));
    row.set("path", p.vi->path());
    row.set("kind", ui(ctx.theme, lang, std::string("kind_of_") + content::kind_id(p.kind)));
    row.set("status", ui(ctx.theme, lang, std::string("status_") + status));
    row.set("status_class", std::string("status-") + status);
    row.set("hash", p.vi->source_hash());
    pages.push_back(std::move(row));
  }
  set_list(d, "pages", std::move(pages));
  Data summary = list();
  for (const char* status : {"translated", "stale", "untracked", "missing"}) {
    Data s;
    s.set("label", ui(ctx.theme, lang, std::string("status_") + status));
    s.set("count", std::to_string(counts[status]));
    summary.push_back(std::move(s));
  }
  d.set("summary_counts", std::move(summary));

  // UI strings: both tables must hold every key (the theme refuses a site
  // where one is missing), so each is translated or, when empty, missing.
  Data strings = list();
  const auto& vi = ctx.theme.table(Lang::vi).strings;
  const auto& en = ctx.theme.table(Lang::en).strings;
  for (const auto& [key, text] : vi) {
    auto it = en.find(key);
    bool present = it != en.end() && !it->second.empty();
    Data row;
    row.set("key", key);
    row.set("vi", text);
    row.set("en", present ? it->second : "");
    row.set("status", ui(ctx.theme, lang, present ? "status_translated" : "status_missing"));
    row.set("status_class", present ? "status-translated" : "status-missing");
    strings.push_back(std::move(row));
  }
  set_list(d, "strings", std::move(strings));
}

}  // namespace mb::site
