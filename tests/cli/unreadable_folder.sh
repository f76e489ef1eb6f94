#!/usr/bin/env bash
# A content folder the build cannot read is an error that names it, and the
# previous public/ stays as it was: a build that skipped the folder would
# publish the site without its pages. Root reads every folder, so as root
# (CI) the build runs as the unprivileged user 65534.
set -uo pipefail
bin=$1; repo=$2
source "$(dirname "$0")/lib.bash"
built_base_site "$tmp/site"
as_user=()
run=$bin
if [ "$(id -u)" = 0 ]; then
  # The checkout may sit in a folder only root can enter: the user runs a copy.
  cp "$bin" "$tmp/minhbach" && run=$tmp/minhbach
  chmod 755 "$tmp"
  chown -R 65534:65534 "$tmp/site"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
chmod 000 "$tmp/site/content/pages"
(cd "$tmp/site" && "${as_user[@]}" "$run" build) >/dev/null 2>"$tmp/err"; code=$?
chmod 755 "$tmp/site/content/pages"
[ $code -eq 1 ] || fail "exit $code, expected 1: $(head -c 2000 "$tmp/err")"
expected="content/pages:1:1: error: cannot read folder: Permission denied
  hint: the files in it would be missing from the site; give the build read access to it (chmod -R a+rX), or move it out of content/
1 error, 0 warnings"
[ "$(cat "$tmp/err")" = "$expected" ] || fail "diagnostics differ: $(diff <(echo "$expected") "$tmp/err")"
diff -r "$tmp/before" "$tmp/site/public" >/dev/null || fail "the failed build changed public/"
echo "ok"
