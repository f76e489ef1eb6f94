#include "theme/mustache.hpp"

#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>
#include <random>

#include "core/xml.hpp"

using namespace mb;
using theme::Template;
using theme::Value;

namespace {

std::string render(const std::string& source, const Value& data) {
  Template t(source, append_escaped_html);
  REQUIRE_MESSAGE(t.is_valid(), t.error_message());
  std::string out;
  t.render({&data}, out);
  return out;
}

Value object(std::initializer_list<std::pair<const char*, Value>> members) {
  Value v;
  for (const auto& [name, value] : members) v.set(std::string_view(name), value);
  return v;
}

Value list(std::initializer_list<Value> items) {
  Value v = Value::list();
  for (const Value& item : items) v.push_back(item);
  return v;
}

}  // namespace

TEST_CASE("theme: mustache escapes {{x}} and leaves {{{x}}} and {{&x}} as written") {
  Value d = object({{"x", "<b>\"Tân An\" & 'Trường Thi'</b>"}});
  CHECK(render("{{x}}", d) == "&lt;b&gt;&quot;Tân An&quot; &amp; &apos;Trường Thi&apos;&lt;/b&gt;");
  CHECK(render("{{{x}}}", d) == "<b>\"Tân An\" & 'Trường Thi'</b>");
  CHECK(render("{{& x }}", d) == "<b>\"Tân An\" & 'Trường Thi'</b>");
  CHECK(render("[{{missing}}]", d) == "[]");
}

TEST_CASE("theme: mustache sections iterate lists, enter objects and skip false and empty lists") {
  Value d = object({{"items", list({object({{"name", "a"}}), object({{"name", "b"}})})},
                    {"none", Value::list()},
                    {"no", false},
                    {"page", object({{"title", "T"}})},
                    {"name", "outer"}});
  CHECK(render("{{#items}}<{{name}}>{{/items}}", d) == "<a><b>");
  CHECK(render("{{#none}}x{{/none}}{{^none}}empty{{/none}}", d) == "empty");
  CHECK(render("{{#no}}x{{/no}}{{^no}}no{{/no}}{{^missing}}missing{{/missing}}", d) == "nomissing");
  CHECK(render("{{#page}}{{title}} {{name}}{{/page}}", d) == "T outer");  // outer names stay visible
  CHECK(render("{{page.title}}|{{page.name}}", d) == "T|");
  CHECK(render("{{#items}}{{.}}{{/items}}{{#name}}{{.}}{{/name}}", d) == "outer");  // {{.}} shows strings only
}

TEST_CASE("theme: mustache drops a line holding only section tags and blanks, like kainjow") {
  Value d = object({{"yes", true}, {"no", false}, {"x", "1"}});
  CHECK(render("a\n  {{#yes}}\nb\n  {{/yes}}\nc\n", d) == "a\nb\nc\n");
  // A section that is skipped leaves its line: kainjow's behaviour, kept for the pages' bytes.
  CHECK(render("a\n{{#no}}\nb\n{{/no}}\nc\n", d) == "a\n\nc\n");
  CHECK(render("a\n{{^no}}\nb\n{{/no}}\nc", d) == "a\nb\nc");
  CHECK(render("{{#yes}} {{x}} {{/yes}}\n", d) == " 1 \n");
  CHECK(render("{{! a comment }}\n", d) == "\n");
}

TEST_CASE("theme: a value set twice under one name shows the later one") {
  Value d;
  d.set("x", "first");
  d.set("y", "other");
  d.set("x", false);
  d.set("x", "last");
  CHECK(d.get("x")->string_value() == "last");
  CHECK(render("{{x}} {{y}}", d) == "last other");
  Value not_object(true);
  not_object.set("x", "ignored");
  CHECK(not_object.get("x") == nullptr);
}

TEST_CASE("theme: mustache looks a dotted name up whole in each layer, innermost first") {
  Value site = object({{"t", object({{"home", "Trang chủ"}})}, {"title", "Site"}});
  Value page = object({{"t", object({{"other", "x"}})}, {"title", "Page"}});
  Template t("{{t.home}} {{t.other}} {{title}}", append_escaped_html);
  std::string out;
  t.render({&site, &page}, out);
  CHECK(out == "Trang chủ x Page");
}

TEST_CASE("theme: mustache reports kainjow's errors with their byte offsets") {
  CHECK(Template("ab {{x", append_escaped_html).error_message() == "Unclosed tag at 3");
  CHECK(Template("{{#a}}x", append_escaped_html).error_message() == "Unclosed section \"a\" at 0");
  CHECK(Template("{{#a}}{{/b}}", append_escaped_html).error_message() == "Unclosed section \"a\" at 0");
  CHECK(Template("x{{/a}}", append_escaped_html).error_message() == "Unopened section \"a\" at 1");
  CHECK(Template("{{=<%%>=}}", append_escaped_html).error_message() == "Invalid set delimiter tag at 0");
  CHECK(Template("{{=<% %>=}}<%x%>", append_escaped_html).is_valid());
}

// ---- The same output as kainjow on generated templates and data ----------

namespace {

// A random view model, built as both a Value and kainjow data.
struct Both {
  Value ours;
  kainjow::mustache::data theirs;
};

const char* const kNames[] = {"a", "b", "c", "items", "t"};

Both random_value(std::mt19937& rng, int depth) {
  static const char* const kTexts[] = {"", " ", "x", "<&>\"'", "Phường", "a\nb", "\t"};
  int kind = static_cast<int>(rng() % (depth > 2 ? 3 : 6));
  switch (kind) {
    case 0: {
      const char* text = kTexts[rng() % std::size(kTexts)];
      return {Value(text), kainjow::mustache::data(text)};
    }
    case 1:
    case 2: {
      bool b = kind == 1;
      return {Value(b), kainjow::mustache::data(b)};
    }
    case 3:
    case 4: {
      Both out{Value(), kainjow::mustache::data()};
      for (const char* name : kNames)
        if (rng() % 2) {
          Both member = random_value(rng, depth + 1);
          out.ours.set(std::string_view(name), std::move(member.ours));
          out.theirs.set(name, member.theirs);
        }
      return out;
    }
    default: {
      Both out{Value::list(), kainjow::mustache::data(kainjow::mustache::data::type::list)};
      for (unsigned n = rng() % 3; n > 0; --n) {
        Both item = random_value(rng, depth + 1);
        out.ours.push_back(std::move(item.ours));
        out.theirs.push_back(item.theirs);
      }
      return out;
    }
  }
}

std::string random_name(std::mt19937& rng) {
  static const char* const kPaths[] = {".", "a.b", "t.a", "items.c", "a.", ".a", "a..b", ""};
  return rng() % 4 ? kNames[rng() % std::size(kNames)] : kPaths[rng() % std::size(kPaths)];
}

// Sections nest and mostly close; a few templates are broken on purpose.
std::string random_template(std::mt19937& rng, int depth) {
  static const char* const kText[] = {"x", " ", "  ", "\t", "\n", "\r\n", "<p>", "ờ", "{", "}"};
  std::string out;
  for (int n = static_cast<int>(rng() % 6); n > 0; --n) {
    switch (rng() % 9) {
      case 0:
      case 1:
      case 2:
        out += kText[rng() % std::size(kText)];
        break;
      case 3:
        out += "{{" + random_name(rng) + "}}";
        break;
      case 4:
        out += rng() % 2 ? "{{{" + random_name(rng) + "}}}" : "{{& " + random_name(rng) + " }}";
        break;
      case 5:
        out += "{{! note }}";
        break;
      case 6:
      case 7:
        if (depth < 3) {
          std::string name = random_name(rng);
          if (name.empty()) name = "a";
          std::string close = rng() % 40 ? name : "b";
          out += std::string(rng() % 2 ? "{{#" : "{{^") + name + "}}" + random_template(rng, depth + 1) + "{{/" +
                 close + "}}";
        }
        break;
      default:
        if (rng() % 30 == 0) out += rng() % 2 ? "{{/a}}" : "{{oops";
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("theme: mustache renders generated templates exactly as kainjow does") {
  std::mt19937 rng(20261206);
  int rendered = 0, rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    Both outer = random_value(rng, 0), inner = random_value(rng, 0);
    std::string source = random_template(rng, 0);
    kainjow::mustache::mustache theirs(source);
    theirs.set_custom_escape(escape_html);
    Template ours(source, append_escaped_html);
    CAPTURE(source);
    REQUIRE(ours.error_message() == theirs.error_message());
    if (!ours.is_valid()) {
      ++rejected;
      continue;
    }
    kainjow::mustache::context<std::string> context(&outer.theirs);
    context.push(&inner.theirs);
    std::string expected = theirs.render(context), got;
    ours.render({&outer.ours, &inner.ours}, got);
    REQUIRE(got == expected);
    ++rendered;
  }
  // The generator must reach both sides, or the test proves little.
  CHECK(rendered > 15000);
  CHECK(rejected > 100);
}
