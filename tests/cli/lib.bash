# Shared by the CLI test scripts (sourced, not a test itself: ctest runs *.sh).
# Sets $tmp (removed on exit) and defines fail(), base_site() and built_base_site().
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# base_site DIR: the valid test site of tests/errors/base, with the default theme.
base_site() {
  cp -r "$repo/tests/errors/base" "$1"
  mkdir -p "$1/themes"
  cp -r "$repo/themes/default" "$1/themes/"
}

# built_base_site DIR: base_site, built once with $bin, and its public/ copied
# to $tmp/before, to show that a failed build afterwards leaves it as it was.
built_base_site() {
  base_site "$1"
  "$bin" build --quiet --source "$1" >/dev/null 2>"$tmp/err" || fail "the base site does not build: $(cat "$tmp/err")"
  cp -a "$1/public" "$tmp/before"
}
