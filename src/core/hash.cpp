#include "core/hash.hpp"

#include <algorithm>
#include <cstdio>

namespace mb {

namespace {

constexpr std::uint64_t kBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kPrime = 0x100000001b3ULL;

std::uint64_t continue_hash(std::uint64_t h, std::string_view data) {
  for (unsigned char c : data) h = (h ^ c) * kPrime;
  return h;
}

}  // namespace

std::uint64_t hash_bytes(std::string_view data) {
  return continue_hash(kBasis, data);
}

void hash_each(const std::string_view* data, std::size_t count, std::uint64_t* out) {
  for (std::size_t i = 0; i < count; i += 4) {
    // A group of fewer than four repeats its last text, whose copies cost no
    // time: the four chains run side by side.
    std::size_t k = std::min<std::size_t>(4, count - i);
    std::string_view d[4];
    for (std::size_t j = 0; j < 4; ++j) d[j] = data[i + std::min(j, k - 1)];
    std::size_t common = std::min({d[0].size(), d[1].size(), d[2].size(), d[3].size()});
    std::uint64_t h[4] = {kBasis, kBasis, kBasis, kBasis};
    for (std::size_t b = 0; b < common; ++b) {
      h[0] = (h[0] ^ static_cast<unsigned char>(d[0][b])) * kPrime;
      h[1] = (h[1] ^ static_cast<unsigned char>(d[1][b])) * kPrime;
      h[2] = (h[2] ^ static_cast<unsigned char>(d[2][b])) * kPrime;
      h[3] = (h[3] ^ static_cast<unsigned char>(d[3][b])) * kPrime;
    }
    for (std::size_t j = 0; j < k; ++j) out[i + j] = continue_hash(h[j], d[j].substr(common));
  }
}

std::string hash_hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace mb
