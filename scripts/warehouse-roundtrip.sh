#!/usr/bin/env bash
# Every value of budget-dev and icdar2013-eu through the warehouse outputs and back: one
# `tablelift extract` run writes the document JSON, the facts NDJSON, Parquet (--parquet) and
# loads PostgreSQL (--sink); scripts/warehouse_roundtrip.py then compares every cell value of
# the JSON with DuckDB's reading of the Parquet and with PostgreSQL's rows, and every field of
# every fact likewise, and prints how many were compared and how many differ (exit 1 if any).
#
# usage: scripts/warehouse-roundtrip.sh [PDF_OR_DIR...]   (default: the two corpora above)
# environment:
#   TABLELIFT_TEST_PG        database URL (default: a throwaway server via scripts/pg-test.sh)
#   TABLELIFT_DUCKDB_PYTHON  a Python with duckdb (default: target/ci-venv/bin/python)
#   SKIP_BUILD=1             use the existing target/release/tablelift
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${TABLELIFT_TEST_PG:-}" ]]; then
  exec "$ROOT/scripts/pg-test.sh" "$ROOT/scripts/warehouse-roundtrip.sh" "$@"
fi
inputs=("$@")
[[ ${#inputs[@]} -gt 0 ]] || inputs=("$ROOT/../shared/corpus/budget-dev" "$ROOT/../shared/corpus/icdar2013-eu")
PY="${TABLELIFT_DUCKDB_PYTHON:-$ROOT/target/ci-venv/bin/python}"
"$PY" -c 'import duckdb' || { echo "warehouse-roundtrip: $PY has no duckdb (pip install -r tests/warehouse/requirements.txt)" >&2; exit 2; }
command -v psql >/dev/null || { echo "warehouse-roundtrip: psql not found" >&2; exit 2; }
[[ -n "${SKIP_BUILD:-}" ]] || (cd "$ROOT" && cargo build --release --quiet)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The runs below load into a database of their own, emptied first.
psql "$TABLELIFT_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS tablelift_roundtrip" -c "CREATE DATABASE tablelift_roundtrip" >/dev/null
db="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/tablelift_roundtrip")))' "$TABLELIFT_TEST_PG")"
set +e
"$ROOT/target/release/tablelift" extract --quiet -j 2 -o "$tmp/out" --facts "$tmp/facts.ndjson" \
  --parquet "$tmp/parquet" --sink "$db" "${inputs[@]}"
status=$?
set -e
[[ $status -le 1 ]] || { echo "warehouse-roundtrip: tablelift exited $status" >&2; exit 2; }
"$PY" "$ROOT/scripts/warehouse_roundtrip.py" "$tmp/out" "$tmp/facts.ndjson" "$tmp/parquet" "$db"
