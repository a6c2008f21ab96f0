#!/usr/bin/env bash
# Compare two tablelift binaries on every PDF of ../shared/corpus (all three sets) with
# --format json and --format grid, plus the facts NDJSON. Prints each differing file and exits 1
# when any output differs. Usage: scripts/same-output.sh OLD_BIN NEW_BIN [OUT_DIR]
# (the old binary is typically built from the commit before a refactor: `git worktree add`).
set -euo pipefail
old=$1 new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
out=${3:-$root/bench-out/same-output}
rm -rf "$out"; mkdir -p "$out"
status=0
for set in budget-dev icdar2013-eu realworld; do
  for fmt in json grid; do
    for side in old new; do
      bin=$old; [ $side = new ] && bin=$new
      "$bin" extract -q -j 2 --format $fmt -o "$out/$side/$set-$fmt" --facts "$out/$side/$set-$fmt.facts.ndjson" "$shared/corpus/$set" >/dev/null 2>&1 || true
      rm -f "$out/$side/$set-$fmt/manifest.ndjson"
      # Facts are written in completion order: compare them sorted.
      sort -o "$out/$side/$set-$fmt.facts.ndjson" "$out/$side/$set-$fmt.facts.ndjson"
    done
    if ! diff -rq "$out/old/$set-$fmt" "$out/new/$set-$fmt" >/dev/null || ! cmp -s "$out/old/$set-$fmt.facts.ndjson" "$out/new/$set-$fmt.facts.ndjson"; then
      diff -rq "$out/old/$set-$fmt" "$out/new/$set-$fmt" || true
      cmp -s "$out/old/$set-$fmt.facts.ndjson" "$out/new/$set-$fmt.facts.ndjson" || echo "facts differ: $set-$fmt"
      status=1
    fi
    echo "$set $fmt: $(find "$out/new/$set-$fmt" -name '*.json' | wc -l) files compared"
  done
done
[ $status = 0 ] && echo "identical" || echo "DIFFERENT (see $out)"
exit $status
