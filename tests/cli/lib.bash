# Shared by the CLI test scripts (sourced, not a test itself: ctest runs *.sh).
# Sets $tmp (removed on exit) and defines fail() and base_site().
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# base_site DIR: the valid test site of tests/errors/base, with the default theme.
base_site() {
  cp -r "$repo/tests/errors/base" "$1"
  mkdir -p "$1/themes"
  cp -r "$repo/themes/default" "$1/themes/"
}
