#!/usr/bin/env python3
"""List numeric literals in rule code of src/table and src/number (issue 11's check): every
non-test, non-comment line of a non-config file, with string and char literals removed, that
holds a number other than 0, 1 or 2 (constants of nature: none, one, a pair) or a literal in a
named `const` declaration. Usage: scripts/rule-literals.py [DIR...] (default src/table src/number)."""
import pathlib, re, sys

dirs = sys.argv[1:] or ["src/table", "src/number"]
number = re.compile(r"(?<![A-Za-z_0-9.])(\d+(?:\.\d+)?)(?:_?[uif](?:8|16|32|64|128|size))?(?![A-Za-z_0-9])")
found = 0
for d in dirs:
    for path in sorted(pathlib.Path(d).glob("*.rs")):
        if path.name.endswith("_tests.rs") or path.name in ("config.rs", "cases.rs"):
            continue
        for no, line in enumerate(path.read_text().split("\n"), 1):
            if line.startswith("#[cfg(test)]"):
                break
            code = re.sub(r'"(?:\\.|[^"\\])*"', '""', line.split("//")[0])
            code = re.sub(r"'(?:\\.|[^'\\])'", "''", code)
            if re.match(r"\s*(pub(\(\w+\))?\s+)?const\s", code):
                continue
            nums = [n for n in number.findall(code) if float(n) not in (0.0, 1.0, 2.0)]
            if nums:
                found += 1
                print(f"{path}:{no}: {line.strip()}")
print(f"{found} lines", file=sys.stderr)
