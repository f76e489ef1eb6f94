// Escaping for XML and HTML text and attribute values.
#pragma once

#include <string>

namespace mb {

std::string escape_xml(const std::string& s);

}  // namespace mb
