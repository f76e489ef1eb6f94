// Content hashes: stable across runs and machines (FNV-1a, 64 bits), used to
// detect changed sources and unchanged output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mb {

std::uint64_t hash_bytes(std::string_view data);
std::string hash_hex(std::uint64_t h);

}  // namespace mb
