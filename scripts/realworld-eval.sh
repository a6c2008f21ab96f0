#!/usr/bin/env bash
# Score tablelift on the Camelot-derived real-world set (truth/realworld/, PDFs in
# ../shared/corpus/realworld) with the shared budget evaluator and print a summary per document.
# Usage: scripts/realworld-eval.sh [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
truth=$root/truth/realworld
pdfs=$shared/corpus/realworld
out=${OUT:-$root/bench-out/realworld}
[ "${1:-}" = "--no-build" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=${TABLELIFT:-$root/target/release/tablelift}
rm -rf "$out"; mkdir -p "$out/in" "$out/pred"
for t in "$truth"/*.truth.json; do
  name=$(basename "$t" .truth.json)
  ln -s "$pdfs/$name.pdf" "$out/in/$name.pdf"
done
"$bin" extract --quiet --format grid -o "$out/pred" "$out/in" || true
python3 "$root/scripts/realworld_eval.py" "$truth" "$out/pred" "$out/scored" "$shared/tools/budget_eval.py"
