#include "content/keys.hpp"

namespace mb::content {

const KeySet& keys_of(Kind kind) {
  static const KeySet home{{"title", "summary"}, {}, {"title"}};
  static const KeySet locality{
      {"title", "summary", "province", "district"},
      {"kind", "area_km2", "area_ha", "population", "households", "website", "code", "merged_from", "facts"},
      {"title", "kind", "province"}};
  static const KeySet report{
      {"title", "summary", "issuer", "recipient", "signer", "distribution"},
      {"kind", "period", "number", "date", "place", "directives", "indicators", "initiatives", "attachments"},
      {"title", "kind", "period", "number", "issuer", "signer"}};
  static const KeySet initiative{{"title", "summary"}, {"field", "year", "status", "results", "dan_van_kheo"},
                                 {"title", "field", "status"}};
  static const KeySet page{{"title", "summary"}, {"weight"}, {"title"}};
  switch (kind) {
    case Kind::home: return home;
    case Kind::locality: return locality;
    case Kind::report: return report;
    case Kind::initiative: return initiative;
    case Kind::page: return page;
  }
  return page;
}

std::vector<std::string> allowed_keys(Kind kind, Lang lang) {
  const KeySet& k = keys_of(kind);
  std::vector<std::string> out = k.text;
  if (lang == Lang::vi) {
    out.insert(out.end(), k.neutral.begin(), k.neutral.end());
  } else {
    out.push_back("translation_of");
    if (kind != Kind::home && kind != Kind::page) out.push_back("notes");
  }
  return out;
}

}  // namespace mb::content
