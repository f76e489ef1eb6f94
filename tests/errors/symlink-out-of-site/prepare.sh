#!/usr/bin/env bash
# Symbolic links pointing out of the site, in every folder the build reads
# files from: an attachment and a page in content/, a file of static/ and of
# the theme's static/, a template, and a data file. None may be followed.
set -euo pipefail
outside=$(cd .. && pwd)/outside
mkdir -p "$outside/folder"
printf 'secret\n' >"$outside/secret.txt"
printf -- '---\ntitle: Bí mật\n---\n' >"$outside/secret.vi.md"
printf 'urban: {vi: Chỉnh trang đô thị, en: Urban improvement}\n' >"$outside/fields.yaml"
printf '<p>{{title}}</p>\n' >"$outside/page.mustache"
mkdir -p content/localities/an-binh/files static
ln -s "$outside/secret.txt" content/localities/an-binh/files/bao-cao-goc.pdf
ln -s "$outside/secret.vi.md" content/pages/bi-mat.vi.md
ln -s "$outside/secret.txt" static/secret.txt
ln -s "$outside/folder" themes/default/static/folder
ln -s "$outside/page.mustache" themes/default/templates/page.mustache.tmp
mv themes/default/templates/page.mustache.tmp themes/default/templates/page.mustache
rm data/fields.yaml
ln -s "$outside/fields.yaml" data/fields.yaml
