#!/usr/bin/env bash
# Scale: one document of 10, 100, 1,000 and 5,000 pages, built with pdfunite from the pages of
# the budget-dev PDFs (cycled in order), extracted with -j 1 and -j 2 under /usr/bin/time -v:
# wall time, pages/s, peak RSS and JSON bytes per page; pdftotext -layout over the same file as
# the floor for reading the text at all.
#
# Peak RSS is what /usr/bin/time reports: heap plus the resident pages of the input file (files
# of 16 MiB or more are mapped, and their pages handed back as the document is read, see
# docs/decisions.md). Peak anonymous memory (the heap) is sampled from /proc every 20 ms.
#
# usage: scripts/bench-scale.sh [SIZES...]   (default: 10 100 1000 5000)
# environment:
#   JOBS="1 2"      job counts to run (default "1 2")
#   SKIP_BUILD=1    use the existing binary, no cargo build
#   TABLELIFT=BIN   the binary to measure (default: target/release/tablelift)
#   KEEP=DIR        build the documents in DIR and keep them (default: a temporary directory)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES=("${@:-10 100 1000 5000}"); SIZES=(${SIZES[*]})
JOBS=(${JOBS:-1 2})
TABLELIFT="${TABLELIFT:-$ROOT/target/release/tablelift}"
SHARED="${SHARED:-$ROOT/../shared}"
log() { echo "bench-scale.sh: $*" >&2; }
for t in pdfunite pdfseparate pdftotext /usr/bin/time; do
  command -v "$t" >/dev/null || { log "$t not found (apt-get install poppler-utils time)"; exit 2; }
done
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "cargo build --release"
  cargo build --release --quiet
fi

if [[ -n "${KEEP:-}" ]]; then work="$KEEP"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/pages"
if [[ -z "$(ls "$work/pages")" ]]; then
  k=0
  for pdf in "$SHARED"/corpus/budget-dev/*.pdf; do
    k=$((k + 1))
    pdfseparate "$pdf" "$work/pages/$(printf %02d $k)-%03d.pdf"
  done
fi
mapfile -t unit < <(ls "$work"/pages/*.pdf | sort)
log "${#unit[@]} pages in the unit"

# doc_of N: a PDF of exactly N pages (the unit's pages cycled); built from 100-page blocks.
doc_of() {
  local n=$1 out="$work/doc-$1.pdf"
  [[ -f "$out" ]] && { echo "$out"; return; }
  if (( n <= 100 )); then
    local list=() i
    for ((i = 0; i < n; i++)); do list+=("${unit[i % ${#unit[@]}]}"); done
    pdfunite "${list[@]}" "$out"
  else
    local block; block=$(doc_of 100)
    local list=() i rest=$((n % 100))
    for ((i = 0; i < n / 100; i++)); do list+=("$block"); done
    (( rest > 0 )) && list+=("$(doc_of $rest)")
    if (( ${#list[@]} == 1 )); then cp "${list[0]}" "$out"; else pdfunite "${list[@]}" "$out"; fi
  fi
  echo "$out"
}

# peak_anon PID: the largest RssAnon (MB) of PID until it exits, sampled every 20 ms.
peak_anon() {
  local pid=$1 peak=0 kb
  while kill -0 "$pid" 2>/dev/null; do
    kb=$(awk '/^RssAnon/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    (( ${kb:-0} > peak )) && peak=$kb
    sleep 0.02
  done
  echo $((peak / 1024))
}

printf '| pages | tool | jobs | wall s | pages/s | peak RSS MB | peak anon MB | JSON bytes/page |\n|---|---|---|---|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
  pdf=$(doc_of "$n")
  got=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  [[ "$got" == "$n" ]] || { log "built $got pages, wanted $n"; exit 1; }
  for j in "${JOBS[@]}"; do
    rm -rf "$work/out"
    s=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$TABLELIFT" extract -q -j "$j" -o "$work/out" "$pdf" 2>/dev/null &
    tpid=$!
    sleep 0.01
    anon=$(peak_anon "$(pgrep -P $tpid | head -1)")
    wait $tpid || { rc=$?; (( rc == 1 )) || { log "tablelift exit $rc on $n pages"; cat "$work/time.txt" >&2; exit 1; }; }
    e=$(date +%s.%N)
    rss=$(awk '/Maximum resident/{printf "%.0f", $6/1024}' "$work/time.txt")
    bytes=$(find "$work/out" -name '*.json' -printf '%s\n' | awk '{s+=$1} END{print s+0}')
    status=$(grep -o '"status":"[a-z_]*"' "$work/out/manifest.ndjson" | head -1 | cut -d'"' -f4)
    awk -v n="$n" -v j="$j" -v s="$s" -v e="$e" -v rss="$rss" -v anon="$anon" -v b="$bytes" -v st="$status" \
      'BEGIN{w=e-s; printf "| %d | tablelift (%s) | %d | %.2f | %.0f | %d | %d | %.0f |\n", n, st, j, w, n/w, rss, anon, b/n}'
  done
  s=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" pdftotext -layout "$pdf" "$work/text.txt"
  e=$(date +%s.%N)
  rss=$(awk '/Maximum resident/{printf "%.0f", $6/1024}' "$work/time.txt")
  awk -v n="$n" -v s="$s" -v e="$e" -v rss="$rss" 'BEGIN{w=e-s; printf "| %d | pdftotext -layout | 1 | %.2f | %.0f | %d | – | – |\n", n, w, n/w, rss}'
done
