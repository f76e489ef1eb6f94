#!/usr/bin/env bash
# Files of static/ that would overwrite what the build makes: a page, the
# sitemap, the open data and an attachment.
set -euo pipefail
mkdir -p static/about static/data static/files/an-binh content/localities/an-binh/files
printf '<p>tĩnh</p>\n' >static/about/index.html
printf '<urlset/>\n' >static/sitemap.xml
printf 'a,b\n' >static/data/indicators.csv
printf '%%PDF-1.4\n' >content/localities/an-binh/files/bao-cao-goc.pdf
printf '%%PDF-1.4 khác\n' >static/files/an-binh/bao-cao-goc.pdf
