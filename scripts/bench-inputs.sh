# Sourced by the bench scripts: the inputs they measure.
# bench_inputs ROOT [DIR_OR_PDF...]: fill the array `inputs` with the given paths made absolute
# (relative to the caller's directory), or by default with the three corpora under
# ROOT/../shared/corpus.
bench_inputs() {
  local root=$1 d; shift
  inputs=()
  for d in "$@"; do inputs+=("$(realpath "$d")"); done
  if [[ ${#inputs[@]} -eq 0 ]]; then
    for d in icdar2013-eu budget-dev realworld; do inputs+=("$(realpath "$root/../shared/corpus/$d")"); done
  fi
}
