// Content hashes: stable across runs and machines (FNV-1a, 64 bits), used to
// detect changed sources and unchanged output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mb {

std::uint64_t hash_bytes(std::string_view data);

// hash_bytes of each of `count` texts into `out`. FNV-1a waits on one
// multiplication per byte; four texts hashed side by side keep the core busy
// with four such chains, about three times the throughput on long texts.
void hash_each(const std::string_view* data, std::size_t count, std::uint64_t* out);
std::string hash_hex(std::uint64_t h);

}  // namespace mb
