#!/usr/bin/env bash
# Print pairs of source files inside one stage directory that import each other
# (`use super::a` in b.rs and `use super::b` in a.rs), and top-level stages that import each
# other. Exit 1 when any exists. Usage: scripts/import-cycles.sh
set -euo pipefail
cd "$(dirname "$0")/../src"
status=0
for dir in */; do
  dir=${dir%/}
  for f in "$dir"/*.rs; do
    a=$(basename "$f" .rs)
    for b in $(grep -oE "super::[a-z_]+" "$f" | sed 's/super:://' | sort -u); do
      [ -f "$dir/$b.rs" ] || continue
      if grep -qE "super::$a\b" "$dir/$b.rs"; then
        [[ "$a" < "$b" ]] && { echo "$dir: $a <-> $b"; status=1; }
      fi
    done
  done
done
stages=$(ls -d */ | tr -d /; ls *.rs | sed 's/\.rs$//' | grep -vE '^(lib|main)$')
for a in $stages; do
  for b in $(grep -rhoE "crate::[a-z_]+" "$a" "$a.rs" 2>/dev/null | sed 's/crate:://' | sort -u); do
    [ "$a" = "$b" ] && continue
    if grep -rqE "crate::$a\b" "$b" "$b.rs" 2>/dev/null && [[ "$a" < "$b" ]]; then echo "stages: $a <-> $b"; status=1; fi
  done
done
[ $status = 0 ] && echo "no import cycles"
exit $status
