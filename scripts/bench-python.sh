#!/usr/bin/env bash
# The Python package's figures, in one run:
#  1. pages/s of `tablelift.extract` from Python with 1 and 2 threads, beside the CLI (-j 1, -j 2)
#     and beside pdfplumber and camelot (lattice, its default, and stream) called the usual way,
#     on the same files (scripts/bench_python.py; default: all three corpora, each content once);
#  2. the Spark job (python/examples/spark_ingest.py) over all corpora in local[2]: wall time,
#     and its facts compared row for row with `tablelift extract --facts` over the same inputs
#     (scripts/spark_facts_check.py).
#
# usage: scripts/bench-python.sh [PDF_OR_DIR...]      (inputs of part 1)
# environment:
#   ROUNDS=N        rounds of tablelift and the CLI (median reported; default 7)
#   PEER_ROUNDS=N   rounds of the peers (default 1: camelot takes minutes)
#   SPARK=0         skip part 2
#   SHARED=DIR      the shared folder (default: <repo>/../shared)
# The package is built into .venv-peers (with the peers of scripts/peers/requirements.txt,
# installed as scripts/compare.sh does) by `pip install ./python`; pyspark and pyarrow from
# python/tests/requirements.txt. Outputs: bench-out/python/{bench.tsv,spark.txt}.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
inputs=()
for d in "$@"; do inputs+=("$(realpath "$d")"); done
cd "$ROOT"
SHARED="$(cd "${SHARED:-$ROOT/../shared}" && pwd)"
[[ ${#inputs[@]} -gt 0 ]] || inputs=("$SHARED/corpus/icdar2013-eu" "$SHARED/corpus/budget-dev" "$SHARED/corpus/realworld")
log() { echo "bench-python.sh: $*" >&2; }

nice -n 10 cargo build --release --quiet
TL="$ROOT/target/release/tablelift"
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
"$VENV/bin/pip" install --quiet -r python/tests/requirements.txt
log "pip install ./python"
nice -n 10 "$VENV/bin/pip" install --quiet --force-reinstall --no-deps ./python
PY="$VENV/bin/python"
mkdir -p bench-out/python

mapfile -t pdfs < <(for p in "${inputs[@]}"; do if [[ -d "$p" ]]; then find "$p" -type f -iname '*.pdf'; else echo "$p"; fi; done | LC_ALL=C sort -u)
log "part 1: ${#pdfs[@]} PDFs"
xargs -d '\n' cat <<<"$(printf '%s\n' "${pdfs[@]}")" >/dev/null   # warm the page cache
"$PY" scripts/bench_python.py --cli "$TL" --rounds "${ROUNDS:-7}" --peer-rounds "${PEER_ROUNDS:-1}" \
  --out bench-out/python/bench.tsv "${pdfs[@]}"

[[ "${SPARK:-1}" == 0 ]] && exit 0
corpora=("$SHARED/corpus/icdar2013-eu" "$SHARED/corpus/budget-dev" "$SHARED/corpus/realworld")
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log "part 2: Spark job over ${corpora[*]} in local[2]"
t0=$EPOCHREALTIME
PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" "$PY" python/examples/spark_ingest.py --master 'local[2]' \
  "${corpora[@]}" "$tmp/lake" 2>"$tmp/spark.log" || { tail -40 "$tmp/spark.log" >&2; exit 1; }
t1=$EPOCHREALTIME
"$TL" extract -q -j 2 -o "$tmp/cli" --facts "$tmp/facts.ndjson" "${corpora[@]}" || [[ $? -eq 1 ]]
{
  echo "spark_ingest.py local[2] over icdar2013-eu budget-dev realworld: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s wall (JVM start included); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$PY" scripts/spark_facts_check.py "$tmp/lake" "$tmp/facts.ndjson"
} | tee bench-out/python/spark.txt
