#!/usr/bin/env bash
# Load throughput beside extraction, over all corpora (budget-dev, icdar2013-eu, realworld),
# -j 2: wall time of `tablelift extract -o OUT` alone, with --parquet DIR, and with --sink
# (a throwaway PostgreSQL from scripts/pg-test.sh unless TABLELIFT_TEST_PG is set; the tables
# are emptied before each run, so each run loads every document anew). Median of RUNS runs
# each, interleaved; prints facts/s of each and the share of batch time each sink adds, and
# writes the same into docs/benchmarks-warehouse.md (generated; do not edit by hand).
#
# usage: scripts/bench-warehouse.sh [PDF_OR_DIR...]
# environment: RUNS (default 5), JOBS (default 2), SKIP_BUILD=1, TABLELIFT=BIN (the binary
# to measure; default target/release/tablelift)
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
BIN="${TABLELIFT:-$ROOT/target/release/tablelift}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
psql "$TABLELIFT_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS tablelift_bench" -c "CREATE DATABASE tablelift_bench" >/dev/null
db="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/tablelift_bench")))' "$TABLELIFT_TEST_PG")"
# The facts count, and the schema created, before timing.
"$BIN" extract --quiet -j "$JOBS" -o "$tmp/warm" --facts "$tmp/facts.ndjson" --sink "$db" "${inputs[@]}" || [[ $? == 1 ]]
facts=$(wc -l < "$tmp/facts.ndjson")
pages=$(python3 -c 'import json,sys; print(sum(json.loads(l)["pages"] for l in open(sys.argv[1])))' "$tmp/warm/manifest.ndjson")
# CPU seconds of the server (its postmaster and every backend it reaped), when it is the
# throwaway one of scripts/pg-test.sh; else 0.
pm_stat=""
[[ -n "${TABLELIFT_TEST_PG_CTL:-}" ]] && pm_stat="/proc/$(head -1 "$(dirname "$TABLELIFT_TEST_PG_CTL")/data/postmaster.pid")/stat"
server_cpu() { if [[ -r "$pm_stat" ]]; then awk '{print ($14+$15+$16+$17)/100}' "$pm_stat"; else echo 0; fi; }
# Each run writes into directories of its own, removed only at the end: on ext4, creating files
# right after deleting as many costs the kernel extra work (recently_deleted inodes) that a
# real run, into a directory that is not emptied before it, does not pay.
run() {  # kind round → "wall/cpu" (cpu: tablelift's user+sys, plus the server's for the sink)
  local kind=$1 out="$tmp/out-$1-$2" extra=()
  case $kind in
    parquet) extra=(--parquet "$out/parquet") ;;
    sink) psql "$db" -qAt -c "TRUNCATE tablelift_documents, tablelift_tables, tablelift_facts" >/dev/null; extra=(--sink "$db") ;;
  esac
  local s0 s1; s0=$(server_cpu)
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$BIN" extract --quiet -j "$JOBS" -o "$out" "${extra[@]}" "${inputs[@]}" 2>/dev/null || [[ $? == 1 ]]
  sleep 0.2  # let the server reap the backend
  s1=$(server_cpu)
  read -r wall user sys < <(tail -1 "$tmp/time")
  python3 -c "import sys; w,u,s,a,b = map(float, sys.argv[1:]); print(f'{w}/{u + s + (b - a)}')" "$wall" "$user" "$sys" "$s0" "$s1"
}
declare -A times=([json]="" [parquet]="" [sink]="")
for ((r = 0; r < RUNS; r++)); do
  for kind in json parquet sink; do
    times[$kind]+="$(run "$kind" "$r") "
  done
done
pg_version=$(psql "$db" -qAt -c "SHOW server_version")
python3 - "$facts" "$pages" "$(cut -d' ' -f1-3 /proc/loadavg)" "${times[json]}" "${times[parquet]}" "${times[sink]}" \
  "$ROOT/docs/benchmarks-warehouse.md" "$JOBS" "$pg_version" "${inputs[*]}" <<'PY'
import datetime, os, statistics, sys
facts, pages, load = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
runs = {k: [float(x.split("/")[0]) for x in v.split()] for k, v in zip(("json", "parquet", "sink"), sys.argv[4:7])}
cpus = {k: statistics.median(float(x.split("/")[1]) for x in v.split()) for k, v in zip(("json", "parquet", "sink"), sys.argv[4:7])}
doc, jobs, pg_version, inputs = sys.argv[7:11]
inputs = ", ".join(os.path.relpath(p, os.path.dirname(os.path.dirname(doc))) for p in inputs.split())
med = {k: statistics.median(v) for k, v in runs.items()}
n = len(runs["json"])
print(f"{facts} facts, {pages} pages; median of {n} runs each; load after: {load}")
rows = []
for k, label in (("json", "extract -o (JSON only)"), ("parquet", "+ --parquet DIR"), ("sink", "+ --sink postgres://…")):
    added = med[k] - med["json"]
    share = "" if k == "json" else f"{100 * added / med['json']:.1f}%"
    alone = "" if k == "json" or added <= 0 else f"{facts / added:.0f}"
    cpu_share = "" if k == "json" else f"{100 * (cpus[k] - cpus['json']) / cpus['json']:.1f}%"
    print(f"{label:26s} {med[k]:.3f} s  {facts / med[k]:9.0f} facts/s  {pages / med[k]:6.0f} pages/s  adds {share or '-'} of batch time, {cpu_share or '-'} CPU ({cpus[k]:.2f} s); sink alone {alone or '-'} facts/s")
    rows.append(f"| {label} | {med[k]:.3f} | {facts / med[k]:.0f} | {pages / med[k]:.0f} | {share or '–'} | {cpus[k]:.2f} | {cpu_share or '–'} | {alone or '–'} |")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
with open(doc, "w") as f:
    f.write(f"""# Benchmarks: warehouse delivery

Generated by `scripts/bench-warehouse.sh` on {now}; do not edit by hand.

`tablelift extract -j {jobs} -o OUT` over {inputs} ({pages} pages, {facts} facts),
alone, with `--parquet DIR`, and with `--sink` into PostgreSQL {pg_version} on the same machine
(a throwaway server from `scripts/pg-test.sh`, its tables emptied before each run, so every
document is loaded anew). Wall time, median of {n} interleaved runs each; load average after the
runs: {load}. CPU: user + system seconds of tablelift, plus the server's for `--sink` (the
machine is shared, so wall time varies from session to session more than CPU time does).
"Sink alone": facts divided by the wall time the sink adds to the batch.

| run | seconds | facts/s | pages/s | batch time added | CPU s | CPU added | sink alone, facts/s |
|---|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(rows) + "\n")
PY
