#!/usr/bin/env python3
"""Compare the Spark job's facts table with the CLI's facts NDJSON, row for row.

usage: spark_facts_check.py LAKE_DIR FACTS_NDJSON

Rows are matched on (doc_sha256, table, row, col); every column must be equal, the Spark
`path` being the CLI's path as a `file:` URI. Prints the counts and the first differences;
exits 1 when the two differ.
"""

import json
import sys

import pyarrow.dataset as ds


def key(f):
    return (f["doc_sha256"], int(f["table"][1:]), f["row"], f["col"])


def main(lake, ndjson):
    spark = sorted(ds.dataset(f"{lake}/facts", format="parquet", partitioning="hive").to_table().to_pylist(), key=key)
    with open(ndjson, encoding="utf-8") as fh:
        cli = sorted((json.loads(line) for line in fh if line.strip()), key=key)
    docs = ds.dataset(f"{lake}/documents", format="parquet", partitioning="hive").to_table().to_pylist()
    by_status = {}
    for d in docs:
        by_status[d["status"]] = by_status.get(d["status"], 0) + 1
    diffs = []
    for s, c in zip(spark, cli):
        s = dict(s, path=s["path"][len("file:"):] if s["path"].startswith("file:") else s["path"])
        if s != c:
            diffs.append((c, s))
    same = not diffs and len(spark) == len(cli)
    print(f"spark facts: {len(spark)}, CLI facts: {len(cli)}, differing rows: {len(diffs)}, documents by status: {by_status}, identical: {same}")
    for c, s in diffs[:5]:
        print("  CLI  ", c, "\n  spark", s)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
