#!/usr/bin/env bash
# A 50 MB Markdown page, generated here rather than committed: past the 8 MB
# limit, it must be refused at once, before it is parsed or held twice.
set -euo pipefail
{
  printf -- '---\ntitle: Trang rất lớn\n---\n\n'
  line='Phường An Bình tiếp công dân, giải quyết đơn thư và cải cách thủ tục hành chính. '
  para=$(printf '%s' "$line$line$line$line$line$line$line$line$line$line")
  # 50 MiB of paragraphs (each ~880 bytes plus a blank line).
  yes "$para
" | head -c $((50 * 1024 * 1024))
} > content/pages/rat-lon.vi.md
