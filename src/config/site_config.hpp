// site.yaml → SiteConfig.
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "core/lang.hpp"
#include "core/source_file.hpp"

namespace mb::config {

struct SiteConfig {
  LocalizedText title;
  LocalizedText description;
  LocalizedText publisher;
  std::string base_url;   // "https://example.gov.vn/bao-cao/", always ending in '/'
  std::string origin;     // "https://example.gov.vn"
  std::string base_path;  // "/bao-cao/": prefix of every internal link
  std::string theme = "default";
  std::string edit_url;   // optional
};

SiteConfig parse(const SourceFile& file, Diagnostics& diags);

// Splits an absolute http(s) URL into origin and path; false if it is not one.
bool split_base_url(const std::string& url, std::string& origin, std::string& path);

}  // namespace mb::config
