#!/usr/bin/env python3
"""Compare the arithmetic checks tablelift reports with the identities in the budget-dev truth.

For every truth identity (row sums: parent row = sum of child rows, per column; column sums:
target column = plus columns - minus columns, per row) that holds on the printed values, the
document JSON must report a check at the same (row, column) with ok = true.

usage: scripts/check_checks.py [--bin target/release/tablelift] [TRUTH_DIR]
"""
import json, os, subprocess, sys

def main():
    args = sys.argv[1:]
    binary = "target/release/tablelift"
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    truth_dir = args[0] if args else "samples"
    total = found_ok = 0
    problems = []
    wrong = 0
    for name in sorted(f for f in os.listdir(truth_dir) if f.endswith(".truth.json")):
        stem = name[: -len(".truth.json")]
        truth = json.load(open(os.path.join(truth_dir, name)))
        out = subprocess.run([binary, "extract", os.path.join(truth_dir, stem + ".pdf")], capture_output=True)
        doc = json.loads(out.stdout)
        for ti, t in enumerate(truth["tables"]):
            checks = t.get("checks") or {}
            # One entry per identity: a sum row checked in `columns`, or a result column
            # checked on `rows`; `failed` lists the cells where it does not hold.
            ours = {}
            if ti < len(doc["tables"]):
                for c in doc["tables"][ti]["checks"]:
                    failed = {(f["row"], f["column"]) for f in c["failed"]}
                    cells = [(c["row"], col) for col in c["columns"]] if "columns" in c else [(r, c["column"]) for r in c["rows"]]
                    for cell in cells:
                        ours.setdefault(cell, []).append({"ok": cell not in failed, "kind": c["kind"]})
                    for f in c["failed"]:
                        wrong += 1
                        problems.append(f"{stem} t{ti}: reported failing check {c['kind']} at {f}")
            want = []
            for rs in checks.get("row_sums", []):
                for col in rs["cols"]:
                    want.append((rs["target"], col, "row_sum"))
            for cs in checks.get("col_sums", []):
                rows = cs["rows"] if cs.get("rows") is not None else range(len(t["rows"]))
                for r in rows:
                    if t["values"][r][cs["target"]] is not None:
                        want.append((r, cs["target"], "col_sum"))
            for (r, col, kind) in want:
                if t["values"][r][col] is None:
                    continue
                total += 1
                got = [c for c in ours.get((r, col), []) if c["ok"]]
                if got:
                    found_ok += 1
                else:
                    problems.append(f"{stem} t{ti}: {kind} at row {r} col {col} not reported ok")
    for p in problems[:40]:
        print(p)
    print(f"truth identities reported ok: {found_ok}/{total}; failing checks reported: {wrong}")

if __name__ == "__main__":
    main()
