#!/usr/bin/env bash
# Benchmarks Minh Bạch against Hugo on generated corpora, side by side in one run.
# Usage: bash bench/run.sh [SIZE…]   sizes: 1k 10k 50k (default: 1k 10k)   RUNS=5
# For each size: generates the corpus with shared/bench/gen_corpus.py (once),
# then builds it RUNS times with minhbach and with Hugo, alternately, and
# prints the median wall time, CPU time (user + system) and peak RSS of each,
# and of the floor (bench/floor.cpp: read all input, render every body with
# cmark-gfm on all cores, write the same files minhbach wrote). Then the
# median of each round's ratios: the machine's speed drifts within minutes,
# and a round's three builds run back to back.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
shared=${SHARED:-$repo/../shared}
runs=${RUNS:-5}
sizes=("${@:-1k 10k}")
[ $# -gt 0 ] && sizes=("$@") || sizes=(1k 10k)
command -v hugo >/dev/null || { echo "bench: installing hugo"; apt-get install -y -qq hugo >/dev/null; }
cmake --build build -j"$(nproc)" --target minhbach minhbach_floor >/dev/null

declare -A localities=([1k]=25 [10k]=250 [50k]=1300)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {  # measure NAME COMMAND… → appends "wall cpu rss" to $tmp/NAME
  local name=$1; shift
  # Each run starts with the corpus in the page cache: at 50k the outputs
  # kept until the end (about 25 GB) can push it out, and a tool would then
  # pay for reading 544 MB from the disk.
  find "$corpus" -type f -exec cat {} + >/dev/null
  # And on a quiet disk: without this, a run pays for writing back the
  # previous tool's output and for the deletes of the last round.
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$tmp/time" >>"$tmp/$name"
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

printf "%-5s %-8s %9s %9s %10s %7s\n" size tool "wall (s)" "cpu (s)" "rss (MB)" pages
for size in "${sizes[@]}"; do
  corpus=$repo/bench/corpora/$size
  if [ ! -d "$corpus" ]; then
    python3 "$shared/bench/gen_corpus.py" --localities "${localities[$size]}" --reports-per-locality 12 \
      --initiatives-per-locality 6 --out "$corpus" >/dev/null
  fi
  # Converts a new corpus's data/ once, and copies the current theme every time.
  python3 bench/prepare_corpus.py "$corpus" "$repo" >/dev/null
  rm -f "$tmp"/minhbach "$tmp"/hugo "$tmp"/floor "$tmp/manifest"
  # Every run writes into a new, empty folder, and no output is deleted
  # until the end. On ext4 a delete is cheap but the inodes it frees are
  # skipped by the allocator for a minute, at a cost to every file created
  # meanwhile: whichever tool ran just after a delete of 25,000 inodes
  # paid for it. Five runs of the 50k corpus keep about 25 GB until the end.
  for i in $(seq "$runs"); do
    out=$tmp/$size-$i
    measure minhbach build/minhbach build --quiet --source "$corpus" --output "$out-m"
    measure hugo bash "$shared/bench/run_hugo.sh" "$corpus" "$out-h"
    # The floor writes the files minhbach wrote (bench/floor.cpp): listed once, outside the timing.
    [ -f "$tmp/manifest" ] || (cd "$out-m" && find . -type f -printf '%s %P\n' | sort -k2) >"$tmp/manifest"
    measure floor build/minhbach_floor "$corpus/content" "$out-f" "$tmp/manifest"
  done
  pages_m=$(find "$out-m" -name '*.html' | wc -l)
  pages_h=$(find "$out-h" -name '*.html' | wc -l)
  for tool in minhbach hugo floor; do
    wall=$(cut -d' ' -f1 "$tmp/$tool" | median); cpu=$(cut -d' ' -f2 "$tmp/$tool" | median)
    rss=$(cut -d' ' -f3 "$tmp/$tool" | median)
    pages=$([ $tool = minhbach ] && echo "$pages_m" || ([ $tool = hugo ] && echo "$pages_h" || echo "-"))
    printf "%-5s %-8s %9s %9s %10.1f %7s\n" "$size" "$tool" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" "$pages"
  done
  ratio() { paste -d' ' "$tmp/$1" "$tmp/$2" | awk '{printf "%.4f\n", $1 / $4}' | median; }
  printf "%-5s per round (median): minhbach/floor %.2f, hugo/minhbach %.2f (wall)\n" \
    "$size" "$(ratio minhbach floor)" "$(ratio hugo minhbach)"
done
