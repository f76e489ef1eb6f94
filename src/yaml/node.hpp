// A YAML document as a plain tree that keeps the source offset of every node
// and whether a scalar was quoted, built from yaml-cpp's event parser. Anchors,
// aliases, duplicate keys and non-scalar keys are rejected while building, so
// no later stage can be fooled by them (an alias "billion laughs" never expands).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_file.hpp"

namespace mb::yaml {

struct Node {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string value;         // scalar text
  bool quoted = false;       // '…' or "…" or a block scalar: always a string
  std::size_t offset = 0;    // byte offset into the source file
  std::vector<Node> items;   // sequence
  std::vector<std::pair<Node, Node>> entries;  // map, in source order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  const Node* find(std::string_view key) const;
  const char* kind_name() const;  // "a map", "a list", "a value", "nothing"
};

// Parses the YAML in file.text()[begin, end). On error returns false after
// adding diagnostics; `out` is then a map node with whatever could be read.
bool parse(const SourceFile& file, std::size_t begin, std::size_t end, Node& out,
           Diagnostics& diags);

}  // namespace mb::yaml
