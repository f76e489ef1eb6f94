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
  std::size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const std::string_view* d = data + i;
    std::size_t common = std::min({d[0].size(), d[1].size(), d[2].size(), d[3].size()});
    std::uint64_t h0 = kBasis, h1 = kBasis, h2 = kBasis, h3 = kBasis;
    for (std::size_t k = 0; k < common; ++k) {
      h0 = (h0 ^ static_cast<unsigned char>(d[0][k])) * kPrime;
      h1 = (h1 ^ static_cast<unsigned char>(d[1][k])) * kPrime;
      h2 = (h2 ^ static_cast<unsigned char>(d[2][k])) * kPrime;
      h3 = (h3 ^ static_cast<unsigned char>(d[3][k])) * kPrime;
    }
    out[i] = continue_hash(h0, d[0].substr(common));
    out[i + 1] = continue_hash(h1, d[1].substr(common));
    out[i + 2] = continue_hash(h2, d[2].substr(common));
    out[i + 3] = continue_hash(h3, d[3].substr(common));
  }
  for (; i < count; ++i) out[i] = hash_bytes(data[i]);
}

std::string hash_hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace mb
