// One file of the built site: bytes made by the build, or a file copied as it is.
#pragma once

#include <string>
#include <vector>

namespace mb {

struct OutputFile {
  std::string path;       // relative to public/, '/' separators
  std::string data;       // contents, when copy_from is empty
  std::string copy_from;  // a source file copied byte for byte (attachments, static files)
};

}  // namespace mb
