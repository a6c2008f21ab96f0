#!/usr/bin/env bash
# Score tablelift on the budget-dev and ICDAR 2013 EU corpora with the shared evaluators and
# print one summary table. Usage: scripts/eval.sh [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
out=${OUT:-$root/bench-out/eval}
[ "${1:-}" = "--no-build" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=$root/target/release/tablelift
rm -rf "$out"; mkdir -p "$out"
"$bin" extract --quiet --format grid -o "$out/budget" "$shared/corpus/budget-dev" || true
"$bin" extract --quiet --format grid -o "$out/icdar" "$shared/corpus/icdar2013-eu" || true
python3 "$shared/tools/budget_eval.py" --truth-dir "$shared/corpus/budget-dev" --pred-dir "$out/budget" --json > "$out/budget.score.json"
python3 "$shared/tools/icdar_eval.py" --gt-dir "$shared/corpus/icdar2013-eu" --pred-dir "$out/icdar" --json > "$out/icdar.score.json"
python3 "$root/scripts/eval_summary.py" "$out/budget.score.json" "$out/icdar.score.json"
