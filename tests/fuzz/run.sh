#!/usr/bin/env bash
# Runs every libFuzzer target of build-fuzz/ for SECONDS each (default 20),
# starting from its seed corpus (tests/fuzz/corpus/<target>/, only read) and
# keeping what it finds in build-fuzz/corpus/<target>/. A crash, a sanitizer
# finding, a failed check or a timeout stops the run with the input saved as
# build-fuzz/findings/<target>-crash-… and a non-zero exit.
# Usage: bash tests/fuzz/run.sh [SECONDS] [TARGET…]    (after scripts/test.sh, or
#        cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-16 -DMINHBACH_FUZZ=ON -DBUILD_TESTING=OFF)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_front_matter fuzz_markdown fuzz_site)

mkdir -p build-fuzz/findings
# Reports on stderr with a stack; a UBSan finding stops the target like an ASan one.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${targets[@]}"; do
  binary=build-fuzz/tests/fuzz/$target
  [ -x "$binary" ] || { echo "fuzz: $binary is not built" >&2; exit 2; }
  mkdir -p "build-fuzz/corpus/$target"
  log=build-fuzz/findings/$target.log
  start=$(date +%s)
  # -timeout: one input taking 10 s is a finding (a hang); -rss_limit_mb: so is 2 GB.
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/findings/$target-" \
      "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $target: ${runs:-?} inputs in $(( $(date +%s) - start )) s, no finding"
  else
    status=1
    echo "fuzz: $target FAILED; the end of $log:" >&2
    tail -n 40 "$log" >&2
    echo "fuzz: reproduce with $binary build-fuzz/findings/$target-<crash file>; once fixed, copy that file" \
         "into tests/fuzz/corpus/$target/ so every build replays it" >&2
  fi
done
exit $status
