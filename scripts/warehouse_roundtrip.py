"""Compare every value of a tablelift run with what DuckDB reads from its Parquet and what
PostgreSQL holds. Usage: warehouse_roundtrip.py OUT_DIR FACTS_NDJSON PARQUET_DIR DATABASE_URL
(run with a Python that has duckdb; psql on PATH). Decimals are compared as decimal.Decimal
(never floats); PostgreSQL's numeric text must also equal the JSON's string byte for byte."""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

out, facts_path, pq, db = sys.argv[1:5]
DECIMALS = ("value", "multiplier", "scaled_value")
FIELDS = ["doc_sha256", "path", "table", "page", "row", "col", "row_label", "row_path", "row_text",
          "column_path", "text", "value", "percent", "unit", "multiplier", "scaled_value", "verified"]


def same(field, a, b):
    if field in DECIMALS and a is not None and b is not None:
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


# 1. The document JSON: every cell value, keyed like the facts.
cells = {}
for f in Path(out).rglob("*.json"):
    doc = json.loads(f.read_text())
    if doc.get("status") != "ok":
        continue
    sha = doc["source"]["sha256"]
    for t in doc["tables"]:
        for r, row in enumerate(t["rows"]):
            for c, cell in enumerate(row["cells"]):
                if cell.get("value") is not None:
                    cells[(sha, t["id"], r, c)] = cell["value"]

# 2. The facts NDJSON (the same run).
facts = {}
for line in open(facts_path, encoding="utf-8"):
    f = json.loads(line)
    facts[(f["doc_sha256"], f["table"], f["row"], f["col"])] = f

# 3. DuckDB over the Parquet.
con = duckdb.connect()
cols = ", ".join(f'"{c}"' for c in FIELDS)
duck = {}
for row in con.execute(f"SELECT {cols} FROM '{pq}/facts/*.parquet'").fetchall():
    f = dict(zip(FIELDS, row))
    duck[(f["doc_sha256"], f["table"], f["row"], f["col"])] = f

# 4. PostgreSQL.
sql = """COPY (SELECT json_build_object(
    'doc_sha256', doc_sha256, 'path', path, 'table', table_id, 'page', page, 'row', "row", 'col', col,
    'row_label', row_label, 'row_path', row_path, 'row_text', row_text, 'column_path', column_path,
    'text', text, 'value', value::text, 'percent', percent, 'unit', unit,
    'multiplier', multiplier::text, 'scaled_value', scaled_value::text, 'verified', verified)
  FROM tablelift_facts) TO STDOUT"""
dump = subprocess.run(["psql", db, "-qAt", "-c", sql], check=True, capture_output=True, text=True).stdout
pg = {}
for line in dump.splitlines():
    f = json.loads(line)
    pg[(f["doc_sha256"], f["table"], f["row"], f["col"])] = f

differ = 0


def report(what, compared, bad):
    global differ
    differ += bad
    print(f"{what}: {compared} compared, {bad} differ")


# JSON cell values → Parquet → DuckDB, and → PostgreSQL (there also byte for byte).
for name, got in (("DuckDB", duck), ("PostgreSQL", pg)):
    bad = sum(1 for k, v in cells.items() if k not in got or not same("value", v, got[k]["value"]))
    bad += sum(1 for k in got if k not in cells)
    report(f"JSON cell values -> {name}", len(cells), bad)
bad = sum(1 for k, v in cells.items() if k in pg and pg[k]["value"] != v)
report("JSON cell values -> PostgreSQL numeric text, byte for byte", len(cells), bad)
# Every field of every fact.
for name, got in (("DuckDB", duck), ("PostgreSQL", pg)):
    compared = bad = 0
    for k, f in facts.items():
        for field in FIELDS:
            compared += 1
            if k not in got or not same(field, f[field], got[k][field]):
                bad += 1
    bad += sum(1 for k in got if k not in facts)
    report(f"facts NDJSON fields ({len(facts)} facts x {len(FIELDS)}) -> {name}", compared, bad)
print(f"documents: {len({k[0] for k in cells})} with values; total differences: {differ}")
sys.exit(1 if differ else 0)
