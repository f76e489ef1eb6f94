#!/usr/bin/env bash
# Runs the whole test suite: installs and builds if needed, then ctest.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
