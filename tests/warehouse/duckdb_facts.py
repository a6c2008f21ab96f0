"""Read the facts Parquet of a `--parquet DIR` with DuckDB; print the result of QUERY (the
README's one-liner, its directory replaced by DIR) as one JSON line ([unit, facts, total] rows,
totals as decimal strings), then every fact as one JSON object per line with the facts NDJSON's
keys (decimals as strings, never floats).
Usage: duckdb_facts.py DIR QUERY"""
import json
import sys

import duckdb

pq, query = sys.argv[1], sys.argv[2]
con = duckdb.connect()
readme = con.execute(query).fetchall()
print(json.dumps([[u, n, None if t is None else str(t)] for u, n, t in readme]))
cols = ["doc_sha256", "path", "table", "page", "row", "col", "row_label", "row_path", "row_text",
        "column_path", "text", "value", "percent", "unit", "multiplier", "scaled_value", "verified"]
select = ", ".join(f'"{c}"' for c in cols)
for row in con.execute(f"SELECT {select} FROM '{pq}/facts/*.parquet'").fetchall():
    fact = dict(zip(cols, row))
    for k in ("value", "multiplier", "scaled_value"):
        if fact[k] is not None:
            fact[k] = str(fact[k])  # decimal.Decimal, exact
    print(json.dumps(fact, ensure_ascii=False))
