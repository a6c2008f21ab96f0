#!/usr/bin/env bash
# Compare two tablelift binaries on every PDF of ../shared/corpus (all three sets) with
# --format json and --format grid, plus the facts NDJSON. Prints each differing file and exits 1
# when any output differs. Usage: scripts/same-output.sh OLD_BIN NEW_BIN [OUT_DIR]
# (the old binary is typically built from the commit before a refactor: `git worktree add`).
# IGNORE_KEYS=quality,verified drops those JSON keys from both sides first (for changes that
# add fields on purpose).
set -euo pipefail
old=$1 new=$2
ignore=${IGNORE_KEYS:-}
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
      if [ -n "$ignore" ]; then
        python3 - "$ignore" "$out/$side/$set-$fmt" "$out/$side/$set-$fmt.facts.ndjson" <<'PY'
import json, os, sys
keys = set(sys.argv[1].split(","))
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in keys}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
for root, _, files in os.walk(sys.argv[2]):
    for f in files:
        p = os.path.join(root, f)
        doc = strip(json.load(open(p)))
        json.dump(doc, open(p, "w"), ensure_ascii=False, indent=2)
facts = sys.argv[3]
lines = [json.dumps(strip(json.loads(l)), ensure_ascii=False) for l in open(facts)]
open(facts, "w").write("".join(l + "\n" for l in lines))
PY
      fi
      # Facts are written in input order; compare them sorted all the same.
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
