#!/usr/bin/env bash
# Installs what Minh Bạch needs from Debian's packages (idempotent: only what
# is missing is installed) and builds it into build/.
# Usage: bash scripts/setup.sh        (as root on Debian 12, or with sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git python3 python3-yaml
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libyaml-dev libsass-dev doctest-dev
  libkainjow-mustache-dev libicu-dev
  libcli11-dev nlohmann-json3-dev libcpp-httplib-dev libmimalloc-dev
)
# End-to-end tests: Debian's Chromium, Java for the Nu Html Checker, Node for playwright-core.
if [ "${MINHBACH_E2E:-1}" = 1 ]; then
  packages+=(chromium fonts-noto-core)
  command -v java >/dev/null || packages+=(default-jre-headless)
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

# Sanitizer and fuzz builds (scripts/test.sh, docs/security.md): clang with libFuzzer. Debian 12's
# default clang is 14, which cannot compile this C++20 (lambdas capturing structured bindings); 16 can.
if [ "${MINHBACH_HARDENING:-1}" = 1 ]; then
  packages+=(clang-16 libclang-rt-16-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_type=${BUILD_TYPE:-Release}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build -j"$(nproc)"
