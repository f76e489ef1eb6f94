#!/usr/bin/env bash
# Runs the whole test suite: installs and builds if needed, then ctest.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# playwright-core, axe-core and the Nu Html Checker, pinned by package-lock.json.
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
ctest --test-dir build --output-on-failure -j"$(nproc)"
