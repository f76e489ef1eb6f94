#include "core/json.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

using namespace mb;

namespace {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// A random document, built both as a nlohmann tree and through JsonWriter.
void random_value(std::mt19937& rng, int depth, nlohmann::ordered_json& tree, JsonWriter& writer);

std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",    "Phường", " ", "\"", "\\",       "\n", "\t", "\x01", "\x1f",
                                                  "\x7f", "đ",      "—", "/",  "<script>", "ẫ",  "\b", "\f",   "\r"};
  std::string s;
  for (int n = std::uniform_int_distribution<int>(0, 6)(rng); n > 0; --n)
    s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
  return s;
}

void random_value(std::mt19937& rng, int depth, nlohmann::ordered_json& tree, JsonWriter& writer) {
  const int kind = std::uniform_int_distribution<int>(0, depth > 3 ? 1 : 3)(rng);
  if (kind == 0) {
    std::string s = random_text(rng);
    tree = s;
    writer.value(s);
  } else if (kind == 1) {
    static const double numbers[] = {0.0, 1.0, 3650.0, 14.29, 0.84, -2.5, 1e21, 123456789.125, 1e-7, 7.14};
    double x = numbers[std::uniform_int_distribution<int>(0, 9)(rng)];
    tree = x;
    writer.value(x);
  } else if (kind == 2) {
    tree = nlohmann::ordered_json::object();
    writer.begin_object();
    for (int n = std::uniform_int_distribution<int>(0, 4)(rng), i = 0; i < n; ++i) {
      std::string key = random_text(rng) + std::to_string(i);  // keys differ, as in a real object
      writer.key(key);
      random_value(rng, depth + 1, tree[key], writer);
    }
    writer.end_object();
  } else {
    tree = nlohmann::ordered_json::array();
    writer.begin_array();
    for (int n = std::uniform_int_distribution<int>(0, 4)(rng); n > 0; --n) {
      tree.push_back(nullptr);
      random_value(rng, depth + 1, tree.back(), writer);
    }
    writer.end_array();
  }
}

}  // namespace

TEST_CASE("core: append_json_string escapes every byte as nlohmann's dump does") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("Phường \"Trường Thi\"") == "\"Phường \\\"Trường Thi\\\"\"");
  CHECK(json_string("a\\b\n\x01") == "\"a\\\\b\\n\\u0001\"");
  for (int c = 1; c < 0x80; ++c) {
    const std::string s = "x" + std::string(1, static_cast<char>(c)) + "y";
    CHECK_MESSAGE(json_string(s) == nlohmann::json(s).dump(), "byte " << c);
  }
  const std::string nul("a\0b", 3);
  CHECK(json_string(nul) == nlohmann::json(nul).dump());
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const std::string s = random_text(rng);
    CHECK(json_string(s) == nlohmann::json(s).dump());
  }
}

TEST_CASE("core: append_json_number writes doubles as nlohmann does, null when not finite") {
  for (double x : {0.0, 1.0, 3650.0, 14.29, 0.84, -2.5, 1e21, 1e-7, 0.1 + 0.2}) {
    std::string out;
    append_json_number(out, x);
    CHECK(out == nlohmann::json(x).dump());
  }
  std::string out;
  append_json_number(out, 3650.0);
  CHECK(out == "3650.0");
  out.clear();
  append_json_number(out, std::numeric_limits<double>::quiet_NaN());
  CHECK(out == "null");
}

// open_data writes indicators.json through JsonWriter: its layout must be
// dump(1, '\t')'s for any nesting, empty objects and arrays included.
TEST_CASE("core: JsonWriter lays documents out as dump(1, '\\t')") {
  {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.member("title", "Minh Bạch");
    w.key("values");
    w.begin_array();
    w.end_array();
    w.key("empty");
    w.begin_object();
    w.end_object();
    w.end_object();
    CHECK(out == "{\n\t\"title\": \"Minh Bạch\",\n\t\"values\": [],\n\t\"empty\": {}\n}");
  }
  std::mt19937 rng(42);
  for (int i = 0; i < 3000; ++i) {
    nlohmann::ordered_json tree;
    std::string out;
    JsonWriter writer(out);
    random_value(rng, 0, tree, writer);
    REQUIRE(out == tree.dump(1, '\t'));
  }
}
