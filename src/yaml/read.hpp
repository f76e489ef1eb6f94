// Typed reading of YAML nodes with diagnostics at the node's position: every
// content, config and theme file is read through these, so a wrong type, a bad
// date or an unknown key reads the same wherever it happens.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/source_file.hpp"
#include "yaml/node.hpp"

namespace mb::yaml {

struct Reader {
  const SourceFile& file;
  Diagnostics& diags;

  void error(const Node& at, std::string message, std::string hint) const;
  void warning(const Node& at, std::string message, std::string hint = {}) const;

  // Each returns nullopt after reporting when the node has the wrong shape.
  std::optional<std::string> text(const Node& n, std::string_view key) const;
  std::optional<double> number(const Node& n, std::string_view key) const;
  std::optional<long long> integer(const Node& n, std::string_view key) const;
  std::optional<bool> boolean(const Node& n, std::string_view key) const;
  std::optional<Date> date(const Node& n, std::string_view key) const;
  // A date, a month (YYYY-MM) or a year (YYYY), for documents dated in part.
  std::optional<Date> partial_date(const Node& n, std::string_view key) const;
  std::optional<std::vector<std::string>> text_list(const Node& n, std::string_view key) const;
  std::optional<std::string> one_of(const Node& n, std::string_view key,
                                    const std::vector<std::string>& allowed) const;
  bool expect_map(const Node& n, std::string_view key) const;

  // Reports `key` as missing, pointing at the start of `map`.
  void missing(const Node& map, std::string_view key, std::string_view what) const;
};

// Checks every key of `map` against `known`. For an unknown key, `explain`
// may return a specific message and hint (e.g. "this value belongs in the
// Vietnamese file"); otherwise the error suggests the nearest known key.
struct KeyProblem {
  std::string message;
  std::string hint;
};
// `noun` names the kind of key in messages ("front-matter key", "key").
void check_keys(const Reader& r, const Node& map, const std::vector<std::string>& known,
                std::string_view noun = "key",
                const std::function<std::optional<KeyProblem>(const std::string&)>& explain = {});

}  // namespace mb::yaml
