#!/usr/bin/env bash
# Writes a Latin-1 byte into a title: the file is not valid UTF-8.
printf -- "---\ntitle: Gi\xe1i thi\xe9u\nweight: 1\n---\n\nTrang.\n" > content/pages/about.vi.md
