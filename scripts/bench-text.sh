#!/usr/bin/env bash
# Text-layer speed: `tablelift text FILE` against `pdftotext -layout FILE` on the same files in the
# same run, one process at a time on one core, and the ratio of their pages per second.
#
# usage: scripts/bench-text.sh [DIR_OR_PDF...]
#   default: ../shared/corpus/icdar2013-eu ../shared/corpus/budget-dev ../shared/corpus/realworld
#            (relative to the repo root); given paths are relative to the current directory.
# environment:
#   ROUNDS=N        timed rounds per tool, run alternately (default 3; the median is reported)
#   SKIP_BUILD=1    use the existing binary, no cargo build
#   TABLELIFT=BIN   the binary to measure (default: target/release/tablelift)
# Files pdftotext cannot read are skipped for both tools. Pinned to CPU 0 with taskset when it is
# installed (tablelift text runs on one thread anyway). Process start-up is included for both.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bench-inputs.sh"
bench_inputs "$ROOT" "$@"   # before cd: relative to the caller
cd "$ROOT"
ROUNDS="${ROUNDS:-3}"
TABLELIFT="${TABLELIFT:-$ROOT/target/release/tablelift}"
log() { echo "bench-text.sh: $*" >&2; }

for t in pdftotext pdfinfo; do
  command -v "$t" >/dev/null || { log "$t not found (apt-get install poppler-utils)"; exit 2; }
done
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "cargo build --release"
  cargo build --release --quiet
fi
[[ -x "$TABLELIFT" ]] || { log "no binary at $TABLELIFT"; exit 2; }

PIN=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then PIN=(taskset -c 0); fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# All PDFs, sorted; keep those pdftotext reads, with their page counts.
for p in "${inputs[@]}"; do
  if [[ -d "$p" ]]; then find "$p" -type f -iname '*.pdf'; else echo "$p"; fi
done | LC_ALL=C sort -u > "$tmp/all"
: > "$tmp/files"
: > "$tmp/skipped"
pages=0
while IFS= read -r f; do
  if pdftotext -layout "$f" /dev/null </dev/null >/dev/null 2>&1; then
    n="$(pdfinfo "$f" </dev/null 2>/dev/null | awk '/^Pages:/ {print $2}')"
    if [[ -n "$n" && "$n" -gt 0 ]]; then
      echo "$f" >> "$tmp/files"
      pages=$((pages + n))
      continue
    fi
  fi
  echo "$f" >> "$tmp/skipped"
done < "$tmp/all"
n_files="$(wc -l < "$tmp/files")"
n_skipped="$(wc -l < "$tmp/skipped")"
[[ "$n_files" -gt 0 ]] || { log "no readable PDFs in ${inputs[*]}"; exit 2; }

# Warm-up pass (page cache, and a per-file look for outliers and failures): one file at a time.
# A file tablelift needs more than TEXT_TIMEOUT seconds for (default 60) is reported and dropped.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
: > "$tmp/perfile"
while IFS= read -r f; do
  t0="$(now)"
  rc=0; timeout "${TEXT_TIMEOUT:-60}" "${PIN[@]}" "$TABLELIFT" text "$f" </dev/null >/dev/null 2>"$tmp/err" || rc=$?
  t1="$(now)"
  "${PIN[@]}" pdftotext -layout "$f" /dev/null </dev/null >/dev/null 2>&1 || true
  t2="$(now)"
  printf '%s\t%s\t%s\t%s\t%s\n' "$(echo "$t1 - $t0" | bc -l)" "$(echo "$t2 - $t1" | bc -l)" "$rc" "$f" \
    "$(head -c 200 "$tmp/err" | tr '\n\t' '  ')" >> "$tmp/perfile"
done < "$tmp/files"
awk -F'\t' '$3 == 124 {print $4}' "$tmp/perfile" > "$tmp/timedout"
if [[ -s "$tmp/timedout" ]]; then
  grep -vxF -f "$tmp/timedout" "$tmp/files" > "$tmp/files.kept" || true
  mv "$tmp/files.kept" "$tmp/files"
  while IFS= read -r f; do pages=$((pages - $(pdfinfo "$f" </dev/null 2>/dev/null | awk '/^Pages:/ {print $2}'))); done < "$tmp/timedout"
  n_files="$(wc -l < "$tmp/files")"
fi

# One timed pass of TOOL over every file, one process at a time, pinned: prints wall seconds.
timed_pass() {
  local tool="$1" t0 t1
  t0="$(now)"
  if [[ "$tool" == tablelift ]]; then
    "${PIN[@]}" bash -c 'while IFS= read -r f; do "$1" text "$f" </dev/null >/dev/null 2>&1 || true; done < "$2"' _ "$TABLELIFT" "$tmp/files"
  else
    "${PIN[@]}" bash -c 'while IFS= read -r f; do pdftotext -layout "$f" /dev/null </dev/null >/dev/null 2>&1 || true; done < "$1"' _ "$tmp/files"
  fi
  t1="$(now)"
  echo "$t1 - $t0" | bc -l
}

median() { LC_ALL=C sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$tmp/tablelift"
: > "$tmp/pdftotext"
for ((r = 1; r <= ROUNDS; r++)); do
  for tool in tablelift pdftotext; do
    s="$(timed_pass "$tool")"
    echo "$s" >> "$tmp/$tool"
    log "round $r: $tool $(printf '%.2f s, %.1f pages/s' "$s" "$(echo "$pages / $s" | bc -l)")"
  done
done

tl_s="$(median < "$tmp/tablelift")"
pt_s="$(median < "$tmp/pdftotext")"
tl_ps="$(echo "$pages / $tl_s" | bc -l)"
pt_ps="$(echo "$pages / $pt_s" | bc -l)"
ratio="$(echo "$tl_ps / $pt_ps" | bc -l)"

echo "bench-text: $n_files files, $pages pages ($n_skipped files skipped: pdftotext cannot read them)"
echo "inputs: ${inputs[*]}"
echo "pinning: ${PIN[*]:-none (taskset not available)}; rounds: $ROUNDS, alternating; median wall time"
echo "load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %10s %12s\n' tool seconds pages/s
printf '%-22s %10.2f %12.1f\n' "tablelift text" "$tl_s" "$tl_ps"
printf '%-22s %10.2f %12.1f\n' "pdftotext -layout" "$pt_s" "$pt_ps"
printf 'ratio tablelift/pdftotext (pages/s): %.2f  (>1: tablelift faster)\n' "$ratio"
printf 'median of the per-round ratios: %.2f\n' "$(paste "$tmp/pdftotext" "$tmp/tablelift" | awk '{print $1 / $2}' | median)"
echo "per round (s), tablelift: $(paste -sd' ' "$tmp/tablelift" | xargs printf '%.2f ')"
echo "per round (s), pdftotext: $(paste -sd' ' "$tmp/pdftotext" | xargs printf '%.2f ')"
echo "slowest files for tablelift (warm-up pass; seconds tablelift / pdftotext):"
LC_ALL=C sort -t$'\t' -k1,1gr "$tmp/perfile" | awk -F'\t' 'NR <= 5 {printf "  %7.3f / %7.3f  %s\n", $1, $2, $4}'
fails="$(awk -F'\t' '$3 != 0' "$tmp/perfile" | wc -l)"
if [[ "$fails" -gt 0 ]]; then
  echo "tablelift text exited non-zero on $fails file(s) pdftotext reads:"
  awk -F'\t' '$3 != 0 {printf "  exit %s  %s  %s\n", $3, $4, $5}' "$tmp/perfile"
fi
if [[ -s "$tmp/timedout" ]]; then
  echo "dropped: tablelift text took over ${TEXT_TIMEOUT:-60} s (excluded for both tools):"
  sed 's/^/  /' "$tmp/timedout"
fi
if [[ "$n_skipped" -gt 0 ]]; then
  echo "skipped (pdftotext fails):"
  sed 's/^/  /' "$tmp/skipped"
fi
