// Readers for the kind-specific front-matter fields. Each reads only keys
// present; which keys may be present was checked before (parse.cpp).
#pragma once

#include "content/document.hpp"
#include "yaml/read.hpp"

namespace mb::content {

void read_locality(const yaml::Reader& r, const yaml::Node& root, Document& doc);
void read_report(const yaml::Reader& r, const yaml::Node& root, Document& doc);
void read_initiative(const yaml::Reader& r, const yaml::Node& root, Document& doc);
void read_page(const yaml::Reader& r, const yaml::Node& root, Document& doc);

// A quantity: a number, or {value: number, note: text}.
std::optional<Quantity> read_quantity(const yaml::Reader& r, const yaml::Node& n, std::string_view key);

// A quantity that counts people or things: a whole number.
std::optional<Quantity> read_count(const yaml::Reader& r, const yaml::Node& n, std::string_view key);

// A map id → quantity, ids in snake_case.
QuantityMap read_quantity_map(const yaml::Reader& r, const yaml::Node& n, std::string_view key);

// A report's indicators: id → number, or {value, note, unit, breakdown}.
IndicatorMap read_indicator_map(const yaml::Reader& r, const yaml::Node& n);

// True for "citizen_receptions": lower-case ASCII letters, digits and single underscores.
bool is_valid_id(std::string_view id);

}  // namespace mb::content
