#!/usr/bin/env bash
# Load throughput beside extraction, over all corpora (budget-dev, icdar2013-eu, realworld),
# -j 2: wall time of `tablelift extract -o OUT` alone, with --parquet DIR, and with --sink
# (a throwaway PostgreSQL from scripts/pg-test.sh unless TABLELIFT_TEST_PG is set; the tables
# are emptied before each run, so each run loads every document anew). Median of RUNS runs
# each, interleaved; prints facts/s of each and the share of batch time each sink adds.
#
# usage: scripts/bench-warehouse.sh [PDF_OR_DIR...]
# environment: RUNS (default 5), JOBS (default 2), SKIP_BUILD=1
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${TABLELIFT_TEST_PG:-}" ]]; then
  exec "$ROOT/scripts/pg-test.sh" "$ROOT/scripts/bench-warehouse.sh" "$@"
fi
inputs=("$@")
[[ ${#inputs[@]} -gt 0 ]] || inputs=("$ROOT/../shared/corpus/budget-dev" "$ROOT/../shared/corpus/icdar2013-eu" "$ROOT/../shared/corpus/realworld")
RUNS=${RUNS:-5}
JOBS=${JOBS:-2}
[[ -n "${SKIP_BUILD:-}" ]] || (cd "$ROOT" && cargo build --release --quiet)
BIN="$ROOT/target/release/tablelift"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
psql "$TABLELIFT_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS tablelift_bench" -c "CREATE DATABASE tablelift_bench" >/dev/null
db="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/tablelift_bench")))' "$TABLELIFT_TEST_PG")"
# The facts count, and the schema created, before timing.
"$BIN" extract --quiet -j "$JOBS" -o "$tmp/warm" --facts "$tmp/facts.ndjson" --sink "$db" "${inputs[@]}" || [[ $? == 1 ]]
facts=$(wc -l < "$tmp/facts.ndjson")
pages=$(python3 -c 'import json,sys; print(sum(json.loads(l)["pages"] for l in open(sys.argv[1])))' "$tmp/warm/manifest.ndjson")
now() { date +%s.%N; }
run() {  # kind → seconds
  local kind=$1 extra=()
  rm -rf "$tmp/out" "$tmp/pq"
  case $kind in
    parquet) extra=(--parquet "$tmp/pq") ;;
    sink) psql "$db" -qAt -c "TRUNCATE tablelift_documents, tablelift_tables, tablelift_facts" >/dev/null; extra=(--sink "$db") ;;
  esac
  local t0; t0=$(now)
  "$BIN" extract --quiet -j "$JOBS" -o "$tmp/out" "${extra[@]}" "${inputs[@]}" 2>/dev/null || [[ $? == 1 ]]
  python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$t0" "$(now)"
}
declare -A times=([json]="" [parquet]="" [sink]="")
for ((r = 0; r < RUNS; r++)); do
  for kind in json parquet sink; do
    times[$kind]+="$(run "$kind") "
  done
done
python3 - "$facts" "$pages" "$(cut -d' ' -f1-3 /proc/loadavg)" "${times[json]}" "${times[parquet]}" "${times[sink]}" <<'PY'
import statistics, sys
facts, pages, load = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
med = {k: statistics.median(map(float, v.split())) for k, v in zip(("json", "parquet", "sink"), sys.argv[4:7])}
print(f"{facts} facts, {pages} pages; median of {len(sys.argv[4].split())} runs each; load after: {load}")
for k, label in (("json", "extract -o (JSON only)"), ("parquet", "+ --parquet"), ("sink", "+ --sink postgres")):
    added = med[k] - med["json"]
    extra = "" if k == "json" else f", adds {100 * added / med['json']:.1f}% of batch time ({facts / added:.0f} facts/s for the sink alone)" if added > 0 else ", adds nothing measurable"
    print(f"{label:26s} {med[k]:.3f} s  {facts / med[k]:9.0f} facts/s  {pages / med[k]:6.0f} pages/s{extra}")
PY
