// A YAML document as a plain tree that keeps the source offset of every node
// and whether a scalar was quoted, built from libyaml's event parser. Anchors,
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

  // Declared here and defaulted in node.cpp: implicit inline ones make clang
  // (14 and 16, with libstdc++ 12 in C++20) check std::pair<Node, Node> while
  // Node is still incomplete, and refuse this header; the fuzz build needs clang.
  Node();
  Node(const Node&);
  Node(Node&&) noexcept;
  Node& operator=(const Node&);
  Node& operator=(Node&&) noexcept;
  ~Node();

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
