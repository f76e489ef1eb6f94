#!/usr/bin/env python3
"""Checks every #include "module/..." in src/ against the module arrows that
CMakeLists.txt declares with mb_module(name DEPS ...): a module may include
itself and the modules it links, nothing else (ARCHITECTURE.md §3)."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
cmake = (root / "CMakeLists.txt").read_text(encoding="utf-8")
allowed = {}
for name, deps in re.findall(r"mb_module\((\w+)\s+DEPS([^)]*)\)", cmake):
    allowed[name] = {d[3:] for d in deps.split() if d.startswith("mb_")} | {name}

errors = []
for module, ok in sorted(allowed.items()):
    for path in sorted((root / "src" / module).glob("*.[ch]pp")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = re.match(r'\s*#include\s+"(\w+)/', line)
            if m and m.group(1) in allowed and m.group(1) not in ok:
                errors.append(f"{path.relative_to(root)}:{number}: module '{module}' may not include "
                              f"'{m.group(1)}' (it may use: {', '.join(sorted(ok))})")
for e in errors:
    print(e)
modules = sum(1 for _ in allowed)
print(f"{modules} modules checked, {len(errors)} forbidden includes")
sys.exit(1 if errors else 0)
