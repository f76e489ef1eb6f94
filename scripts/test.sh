#!/usr/bin/env bash
# Runs the whole test suite: installs and builds if needed, then ctest; then
# the hardening checks (docs/security.md): the suite again under AddressSanitizer
# and UndefinedBehaviorSanitizer (build-asan/), and a short run of each fuzz
# target (build-fuzz/). MINHBACH_HARDENING=0 skips those (and their packages).
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
phase_start=$(date +%s)
phase() {  # prints how long the phase that just ended took
  local now
  now=$(date +%s)
  echo "test.sh: $1 took $((now - phase_start)) s"
  phase_start=$now
}

bash scripts/setup.sh
# playwright-core, axe-core and the Nu Html Checker, pinned by package-lock.json.
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
ctest --test-dir build --output-on-failure -j"$jobs"
phase "setup, build and tests"
[ "${MINHBACH_HARDENING:-1}" = 1 ] || exit 0

# The same suite, instrumented. -O0: on two cores the build costs more than
# the slower tests. Reports go to files (exit code 86), so that a finding in a
# run the test expected to fail is still seen; any report fails this script.
cmake -S . -B build-asan -DMINHBACH_SANITIZE=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g1" >/dev/null
cmake --build build-asan -j"$jobs"
reports=$PWD/build-asan/sanitizer
rm -rf "$reports" && mkdir -p "$reports"
ctest_status=0
ASAN_OPTIONS=exitcode=86:log_path=$reports/report \
UBSAN_OPTIONS=exitcode=86:print_stacktrace=1:log_path=$reports/report \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" || ctest_status=$?
if compgen -G "$reports/report*" >/dev/null; then
  echo "test.sh: sanitizer reports under build-asan/:" >&2
  cat "$reports"/report* >&2
  exit 1
fi
[ "$ctest_status" = 0 ] || exit "$ctest_status"
phase "sanitizer build and tests"

# libFuzzer targets, 20 s each from the seed corpus.
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-16 -DMINHBACH_FUZZ=ON -DBUILD_TESTING=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_front_matter fuzz_markdown fuzz_site
bash tests/fuzz/run.sh 20
phase "fuzz build and runs"
