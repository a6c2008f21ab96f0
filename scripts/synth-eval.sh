#!/usr/bin/env bash
# Accuracy on N fresh generated layouts from SEED (issue 12), per dimension value:
#   scripts/synth-eval.sh N SEED [--pdf K] [--dump DIR] [--show I]
# N layouts are drawn at the glyph level (PageContent) and K (default N/10) through real PDFs;
# prints tables, exact-table rate, mean adjacency F1 and numbers P/R per dimension value and
# overall. --dump DIR writes every imperfect layout's page text, truth and prediction as JSON;
# --show I prints layout I of the run with its truth and prediction.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: $0 N SEED [--pdf K] [--dump DIR] [--show I]" >&2
  exit 2
fi
n=$1 seed=$2
shift 2
extra=("$@")
if [[ " ${extra[*]-} " != *" --pdf "* ]]; then
  extra+=(--pdf $(( n / 10 )))
fi
nice -n 10 cargo build --release --quiet --example synth_eval 2>/dev/null || nice -n 10 cargo build --release --example synth_eval
exec ./target/release/examples/synth_eval "$n" "$seed" "${extra[@]}"
