#!/usr/bin/env bash
# Batch throughput: `tablelift extract` over ../shared/corpus (icdar2013-eu, budget-dev and
# realworld passed as three inputs) with 1 and 2 jobs, under /usr/bin/time -v: documents/s,
# pages/s (the manifest's `pages` summed) and peak RSS. `pdftotext -layout` over the same files,
# one at a time and two at a time, as the floor for reading the text at all.
#
# usage: scripts/bench-batch.sh [DIR_OR_PDF...]   (default: the three corpora above, from the repo root)
# environment:
#   JOBS="1 2"      job counts to run (default "1 2")
#   SKIP_BUILD=1    use the existing binary, no cargo build
#   TABLELIFT=BIN   the binary to measure (default: target/release/tablelift)
# tablelift exits 1 when some documents fail (realworld has broken files on purpose): expected.
# Exit 2 (bad usage) or a crash (signal) fails this script.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bench-inputs.sh"
bench_inputs "$ROOT" "$@"   # before cd: relative to the caller
cd "$ROOT"
JOBS=(${JOBS:-1 2})
TABLELIFT="${TABLELIFT:-$ROOT/target/release/tablelift}"
log() { echo "bench-batch.sh: $*" >&2; }

[[ -x /usr/bin/time ]] || { log "/usr/bin/time not found (apt-get install time)"; exit 2; }
for t in pdftotext pdfinfo python3; do
  command -v "$t" >/dev/null || { log "$t not found"; exit 2; }
done
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "cargo build --release"
  cargo build --release --quiet
fi
[[ -x "$TABLELIFT" ]] || { log "no binary at $TABLELIFT"; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

for p in "${inputs[@]}"; do
  if [[ -d "$p" ]]; then find "$p" -type f -iname '*.pdf'; else echo "$p"; fi
done | LC_ALL=C sort -u > "$tmp/all"
n_all="$(wc -l < "$tmp/all")"
[[ "$n_all" -gt 0 ]] || { log "no PDFs in ${inputs[*]}"; exit 2; }
# Warm the page cache so the first measured run does not pay for the disk.
xargs -d '\n' cat < "$tmp/all" > /dev/null

results=()
for j in "${JOBS[@]}"; do
  out="$tmp/out-j$j"
  log "tablelift extract -j $j over $n_all files"
  t0="$(now)"
  rc=0
  /usr/bin/time -v -o "$tmp/time-j$j" "$TABLELIFT" extract --quiet -o "$out" -j "$j" "${inputs[@]}" \
    > /dev/null 2> "$tmp/stderr-j$j" || rc=$?
  t1="$(now)"
  if [[ $rc -ne 0 && $rc -ne 1 ]] || grep -q 'Command terminated by signal' "$tmp/time-j$j"; then
    log "tablelift extract -j $j failed with status $rc:"
    tail -n 20 "$tmp/stderr-j$j" >&2
    exit 1
  fi
  [[ -f "$out/manifest.ndjson" ]] || { log "no manifest written by -j $j"; exit 1; }
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time-j$j")"
  read -r docs ok failed dup pages tables < <(python3 - "$out/manifest.ndjson" <<'EOF'
import json, sys
docs = ok = failed = dup = pages = tables = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    m = json.loads(line)
    docs += 1
    st = m.get("status")
    ok += st == "ok"
    failed += st == "failed"
    dup += st == "duplicate"
    pages += m.get("pages") or 0
    tables += m.get("tables") or 0
print(docs, ok, failed, dup, pages, tables)
EOF
)
  secs="$(echo "$t1 - $t0" | bc -l)"
  results+=("$(printf '%-26s %8.2f %6d %9.1f %7d %9.1f %9.1f   (%d ok, %d failed, %d duplicate; %d tables; exit %d)' \
    "tablelift extract -j $j" "$secs" "$docs" "$(echo "$docs / $secs" | bc -l)" "$pages" \
    "$(echo "$pages / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$ok" "$failed" "$dup" "$tables" "$rc")")
  summary="$(grep '^tablelift: .* documents' "$tmp/stderr-j$j" | tail -n 1 || true)"
  [[ -n "$summary" ]] && log "-j $j: $summary"
done

# pdftotext -layout over the same documents: tablelift processes identical files (same sha256)
# once, so pdftotext gets one copy of each; pages from pdfinfo, for files pdftotext reads.
xargs -d '\n' sha256sum < "$tmp/all" | awk '!seen[$1]++ {sub(/^[0-9a-f]+  /, ""); print}' > "$tmp/unique"
n_unique="$(wc -l < "$tmp/unique")"
: > "$tmp/pt-ok"
pt_pages=0
while IFS= read -r f; do
  if pdftotext -layout "$f" /dev/null </dev/null >/dev/null 2>&1; then
    n="$(pdfinfo "$f" </dev/null 2>/dev/null | awk '/^Pages:/ {print $2}')"
    pt_pages=$((pt_pages + ${n:-0}))
    echo "$f" >> "$tmp/pt-ok"
  fi
done < "$tmp/unique"
pt_docs="$(wc -l < "$tmp/pt-ok")"
for p in 1 2; do
  log "pdftotext -layout, $p at a time, over $n_unique distinct files"
  t0="$(now)"
  /usr/bin/time -v -o "$tmp/time-pt$p" xargs -d '\n' -P "$p" -I{} pdftotext -layout {} /dev/null \
    < "$tmp/unique" > /dev/null 2>&1 || true
  t1="$(now)"
  secs="$(echo "$t1 - $t0" | bc -l)"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time-pt$p")"
  results+=("$(printf '%-26s %8.2f %6d %9.1f %7d %9.1f %9.1f   (%d of %d distinct files read; RSS: largest single process)' \
    "pdftotext -layout, -P $p" "$secs" "$pt_docs" "$(echo "$pt_docs / $secs" | bc -l)" "$pt_pages" \
    "$(echo "$pt_pages / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$pt_docs" "$n_unique")")
done

echo "bench-batch: $n_all files ($n_unique distinct by sha256) under ${inputs[*]}"
echo "tablelift docs/s counts every input (duplicates included, 0 pages each); pages are the manifest's, summed"
echo "machine: $(nproc) cores; load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %8s %6s %9s %7s %9s %9s\n' run seconds docs docs/s pages pages/s "RSS MB"
printf '%s\n' "${results[@]}"
j1="${JOBS[0]}"
python3 - "$tmp/out-j$j1/manifest.ndjson" <<'EOF'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
failed = [m for m in lines if m.get("status") == "failed"]
if failed:
    print("failed documents (expected for broken realworld files):")
    for m in failed:
        print(f"  {m['path']}: {m.get('error')}")
slow = sorted((m for m in lines if m.get("status") == "ok"), key=lambda m: -m.get("ms", 0))[:5]
print("slowest documents (ms in the manifest of the first run):")
for m in slow:
    print(f"  {m['ms']:6d} ms  {m['pages']:4d} pages  {m['path']}")
EOF
