#include "indicators/formula.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace mb::indicators;

namespace {

Formula parse_ok(const std::string& text) {
  std::string error;
  std::size_t at = 99;
  std::optional<Formula> f = Formula::parse(text, &error, &at);
  REQUIRE_MESSAGE(f, text << ": " << error);
  CHECK(error.empty());
  return *f;
}

struct Failure {
  std::string error;
  std::size_t at = 0;
};

Failure parse_error(const std::string& text) {
  Failure out{"(none)", 999};
  CHECK_FALSE(Formula::parse(text, &out.error, &out.at));
  return out;
}

std::optional<double> eval(const Formula& f, const std::map<std::string, double>& values) {
  return f.evaluate([&](const std::string& id) -> std::optional<double> {
    auto it = values.find(id);
    return it == values.end() ? std::nullopt : std::optional<double>(it->second);
  });
}

double value(const std::string& text, const std::map<std::string, double>& values = {}) {
  std::optional<double> v = eval(parse_ok(text), values);
  REQUIRE_MESSAGE(v, text);
  return *v;
}

}  // namespace

TEST_CASE("indicators: a formula reads ids and numbers") {
  CHECK(value("petitions_resolved / petitions_received * 100",
              {{"petitions_resolved", 409}, {"petitions_received", 572}}) == doctest::Approx(71.503496));
  CHECK(value("42") == 42);
  CHECK(value("1.5") == 1.5);
  CHECK(value(".5") == 0.5);
  CHECK(value("x2_a", {{"x2_a", 7}}) == 7);
  CHECK(value("  a+b  ", {{"a", 1}, {"b", 2}}) == 3);
}

TEST_CASE("indicators: * and / bind tighter than + and -, operators of one level go left to right") {
  CHECK(value("2 + 3 * 4") == 14);
  CHECK(value("2 * 3 + 4") == 10);
  CHECK(value("10 - 4 / 2") == 8);
  CHECK(value("10 - 4 - 3") == 3);
  CHECK(value("100 / 10 / 2") == 5);
  CHECK(value("8 / 2 * 4") == 16);
  CHECK(value("100 - a / b * 100", {{"a", 1}, {"b", 4}}) == 75);
}

TEST_CASE("indicators: parentheses group") {
  CHECK(value("(2 + 3) * 4") == 20);
  CHECK(value("10 - (4 - 3)") == 9);
  CHECK(value("((a))", {{"a", 6}}) == 6);
  CHECK(value("(a + b) / (c - d) * 100", {{"a", 1}, {"b", 2}, {"c", 10}, {"d", 4}}) == 50);
}

TEST_CASE("indicators: inputs() lists each id once, in order of appearance") {
  CHECK(parse_ok("petitions_resolved / petitions_received * 100").inputs() ==
        std::vector<std::string>{"petitions_resolved", "petitions_received"});
  CHECK(parse_ok("b + a * b - (c + a)").inputs() == std::vector<std::string>{"b", "a", "c"});
  CHECK(parse_ok("3 * 100").inputs().empty());
}

TEST_CASE("indicators: a malformed formula is refused with a message and a byte offset") {
  Failure trailing = parse_error("a /");
  CHECK(trailing.error == "the formula ends where a value was expected");
  CHECK(trailing.at == 3);
  Failure open = parse_error("(a");
  CHECK(open.error == "missing ')'");
  CHECK(open.at == 2);
  Failure dollar = parse_error("a $ b");
  CHECK(dollar.error == "unexpected '$'");
  CHECK(dollar.at == 2);
  Failure empty = parse_error("");
  CHECK(empty.error == "the formula ends where a value was expected");
  CHECK(empty.at == 0);
  Failure two = parse_error("a b");
  CHECK(two.error == "unexpected 'b'");
  CHECK(two.at == 2);
  Failure close = parse_error("a)");
  CHECK(close.error == "unexpected ')'");
  CHECK(close.at == 1);
  Failure unary = parse_error("-a");  // no unary minus: write 0 - a
  CHECK(unary.error == "unexpected '-'");
  CHECK(unary.at == 0);
  Failure upper = parse_error("a * Rate");
  CHECK(upper.error == "unexpected 'R'");
  CHECK(upper.at == 4);
  // The first problem is the one reported.
  Failure first = parse_error("(a $ b");
  CHECK(first.error == "missing ')'");
  CHECK(first.at == 3);
}

TEST_CASE("indicators: parse accepts null error outputs") {
  CHECK_FALSE(Formula::parse("a /", nullptr, nullptr));
  CHECK(Formula::parse("a / b", nullptr, nullptr));
}

TEST_CASE("indicators: evaluate gives nothing when an input is missing or a divisor is zero") {
  Formula f = parse_ok("a / b * 100");
  CHECK_FALSE(eval(f, {{"a", 1}}));
  CHECK_FALSE(eval(f, {{"b", 1}}));
  CHECK_FALSE(eval(f, {{"a", 1}, {"b", 0}}));
  CHECK_FALSE(eval(parse_ok("a / (b - b)"), {{"a", 1}, {"b", 3}}));
  CHECK_FALSE(eval(parse_ok("a / 0"), {{"a", 1}}));
  CHECK(eval(parse_ok("0 / a"), {{"a", 5}}) == 0.0);
  CHECK(eval(f, {{"a", 0}, {"b", 4}}) == 0.0);
  // An input that is used only on a branch still counts as needed.
  CHECK_FALSE(eval(parse_ok("a * 0 + b"), {{"b", 1}}));
}
