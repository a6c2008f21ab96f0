#!/usr/bin/env bash
# Peer comparison: run tablelift, Camelot, pdfplumber, tabula-py and PyMuPDF over each corpus,
# score their grid JSON with ../shared/tools, time every whole run beside `pdftotext -layout`,
# and write docs/benchmarks.md.
#
# usage: scripts/compare.sh [CORPUS_DIR...]
#   default corpora: ../shared/corpus/icdar2013-eu ../shared/corpus/budget-dev (from the repo root)
# environment:
#   TOOLS="pdfplumber pymupdf ..."  run only these (default: all; names as in bench-out/<corpus>/)
#   SKIP_BUILD=1                    use the existing target/release/tablelift, no cargo build
#   SHARED=DIR                      the shared folder (default: <repo>/../shared)
#   TABLELIFT=BIN                   the binary to measure (default: target/release/tablelift)
#   RUNS=N                          runs per tool; the median wall time is reported (default 3)
# Outputs: bench-out/<corpus>/<tool>/NAME.json, bench-out/<corpus>/timings.tsv, docs/benchmarks.md.
# Peers are installed (pinned, scripts/peers/requirements.txt) into .venv-peers/ at the repo root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora=()
for d in "$@"; do corpora+=("$(cd "$d" && pwd)"); done   # before cd: relative to the caller
command_line="scripts/compare.sh"   # as run from the repo root, for the report
for d in "${corpora[@]}"; do command_line+=" $(realpath --relative-to="$ROOT" "$d")"; done
for v in TOOLS SKIP_BUILD SHARED TABLELIFT RUNS; do
  if [[ -n "${!v:-}" ]]; then command_line="$v=\"${!v}\" $command_line"; fi
done

cd "$ROOT"
RUNS="${RUNS:-3}"
SHARED="${SHARED:-$ROOT/../shared}"
SHARED="$(cd "$SHARED" && pwd)"
if [[ ${#corpora[@]} -eq 0 ]]; then
  corpora=("$SHARED/corpus/icdar2013-eu" "$SHARED/corpus/budget-dev")
fi
PEERS=(camelot-lattice camelot-stream pdfplumber tabula tabula-lattice tabula-stream pymupdf)
ALL_TOOLS=(pdftotext tablelift tablelift-j1 "${PEERS[@]}")
TOOLS=(${TOOLS:-${ALL_TOOLS[*]}})
for t in "${TOOLS[@]}"; do
  [[ " ${ALL_TOOLS[*]} " == *" $t "* ]] || { echo "unknown tool $t (known: ${ALL_TOOLS[*]})" >&2; exit 2; }
done
wants() { [[ " ${TOOLS[*]} " == *" $1 "* ]]; }
log() { echo "compare.sh: $*" >&2; }

# --- system tools -------------------------------------------------------------------------------
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  log "installing poppler-utils"; apt-get install -y poppler-utils >/dev/null
fi
command -v java >/dev/null || log "warning: no java on PATH, tabula-py will fail"

# --- peers in .venv-peers, made afresh when requirements.txt changes ------------------------------
VENV="$ROOT/.venv-peers"
REQ="$ROOT/scripts/peers/requirements.txt"
if ! cmp -s "$REQ" "$VENV/installed-requirements.txt"; then
  log "installing peers into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet -r "$REQ"
  cp "$REQ" "$VENV/installed-requirements.txt"
fi
PY="$VENV/bin/python"

# --- tablelift ------------------------------------------------------------------------------------
TL="${TABLELIFT:-$ROOT/target/release/tablelift}"
if { wants tablelift || wants tablelift-j1; } && [[ -z "${SKIP_BUILD:-}" ]]; then
  cargo build --release || log "cargo build --release failed: tablelift will be reported as missing"
fi

# --- runs ---------------------------------------------------------------------------------------
# Every tool runs RUNS times, in rounds (each round runs every tool once, so a slow spell of the
# machine hits all tools alike); the report gives each tool's median wall time. The outputs
# scored are those of the last round (every run writes the same files).
declare -A TIMES STATUS
# timed TOOL CMD...: run CMD once, add its wall seconds to TIMES[TOOL]; STATUS[TOOL] becomes
# "missing (exit N)" when the command could not run or exited with status > 1.
timed() {
  local tool=$1; shift
  [[ ${STATUS[$tool]:-ok} == ok ]] || return 0   # gave up on it in an earlier round
  local rc=0 t0=$EPOCHREALTIME t1
  log "running $tool"
  "$@" >&2 || rc=$?   # keep stdout for the report
  t1=$EPOCHREALTIME
  # tablelift exits 1 when some documents failed (the others are written): that is a run.
  if (( rc > 1 )); then STATUS[$tool]="missing (exit $rc)"; log "$tool exited with $rc"; return 0; fi
  STATUS[$tool]=ok
  TIMES[$tool]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') "
}

# write_timings TSV TOOL...: "TOOL<TAB>median seconds<TAB>status<TAB>all seconds" per tool run.
write_timings() {
  local tsv=$1 tool median; shift
  : >"$tsv"
  for tool in "$@"; do
    [[ -n ${STATUS[$tool]:-} ]] || continue
    median=0
    if [[ ${STATUS[$tool]} == ok ]]; then
      median="$(tr ' ' '\n' <<<"${TIMES[$tool]}" | grep . | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}')"
    fi
    printf '%s\t%s\t%s\t%s\n' "$tool" "$median" "${STATUS[$tool]}" "${TIMES[$tool]% }" >>"$tsv"
  done
}

run_pdftotext() {  # OUT PDF...
  local out=$1 f; shift; mkdir -p "$out"
  for f in "$@"; do pdftotext -layout "$f" "$out/$(basename "${f%.*}").txt" || true; done
}

run_tablelift() {  # OUT CORPUS [OPTIONS]
  local out=$1 corpus=$2; shift 2
  [[ -x "$TL" ]] || { log "no $TL"; return 127; }
  local rc=0 f
  "$TL" extract --format grid "$@" -o "$out" "$corpus" || rc=$?
  # evaluators want NAME.json; tablelift may name outputs after the input (NAME.pdf.json)
  for f in "$out"/*.pdf.json; do [[ -e "$f" ]] && mv "$f" "${f%.pdf.json}.json"; done
  return $rc
}

load_at_start="$(cut -d" " -f1-3 /proc/loadavg)"
report_args=()
for corpus in "${corpora[@]}"; do
  name="$(basename "$corpus")"
  out="bench-out/$name"
  rm -rf "$out"; mkdir -p "$out"
  mapfile -t pdfs < <(find "$corpus" -type f -iname '*.pdf' | LC_ALL=C sort)
  log "$name: ${#pdfs[@]} PDFs"
  TIMES=(); STATUS=()
  for ((round = 1; round <= RUNS; round++)); do
    log "$name: round $round of $RUNS"
    wants pdftotext && timed pdftotext run_pdftotext "$out/pdftotext" "${pdfs[@]}"
    wants tablelift && timed tablelift run_tablelift "$out/tablelift" "$corpus"
    wants tablelift-j1 && timed tablelift-j1 run_tablelift "$out/tablelift-j1" "$corpus" -j 1
    for tool in "${PEERS[@]}"; do
      wants "$tool" && timed "$tool" "$PY" scripts/peers/run_peer.py "$tool" "$out/$tool" "${pdfs[@]}"
    done
  done
  write_timings "$out/timings.tsv" "${ALL_TOOLS[@]}"
  report_args+=("$corpus")
done

"$PY" scripts/peers/run_peer.py --versions >bench-out/versions.json
"$VENV/bin/pip" freeze >bench-out/pip-freeze.txt
python3 scripts/peers/report.py --shared "$SHARED" --bench-out bench-out --tablelift "$TL" \
  --command "$command_line" --load "$load_at_start" --out docs/benchmarks.md "${report_args[@]}"
