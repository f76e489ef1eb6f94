// Front matter → typed Document, with every key checked against its kind and
// language: numbers and facts only in the Vietnamese file, text in both.
#pragma once

#include <memory>
#include <optional>

#include "content/classify.hpp"
#include "content/document.hpp"
#include "core/diagnostic.hpp"

namespace mb::content {

std::optional<Document> parse_document(std::shared_ptr<const SourceFile> source, const Placement& place,
                                       Diagnostics& diags);

}  // namespace mb::content
