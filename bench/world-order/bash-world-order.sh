#!/usr/bin/env bash
# The baseline kiln is measured against: core-plans' approach (build-order.rb + print-deps.sh),
# rewritten here in plain bash. Reads plan.sh paths on stdin; sources EACH plan in its own bash
# (stage1 context, the plan's directory as working directory), prints its ident and deps, then
# orders them with tsort. Prints 'origin/name path' lines like `kiln world-order`.
set -euo pipefail
# shellcheck disable=SC2016 # expanded by the bash that sources each plan, not here
print_deps='
  cd "$(dirname "$1")" || exit 0
  STUDIO_TYPE=stage1 FIRST_PASS=true
  source "./$(basename "$1")" >/dev/null 2>&1 </dev/null
  ident="${pkg_origin:-${HAB_ORIGIN:-unknown}}/${pkg_name}"
  printf "P %s %s\n" "$ident" "$2"
  for d in "${pkg_build_deps[@]}" "${pkg_deps[@]}" "${pkg_scaffolding[@]}"; do
    o=${d%%/*}; rest=${d#*/}; d="$o/${rest%%/*}"   # cut to origin/name, no subprocess
    [[ $d == "$ident" ]] || printf "E %s %s\n" "$d" "$ident"
  done
'
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
while IFS= read -r plan; do
  [[ -n $plan ]] || continue
  dir=${plan%/plan.sh}
  bash -c "$print_deps" _ "$plan" "${dir%/habitat}" >>"$tmp" || true
done
# Plans map ident -> path; edges 'dep ident' (plus 'x x' so lone plans appear) go to tsort.
awk '$1 == "P" { print $2, $2 } $1 == "E" { print $2, $3 }' "$tmp" | tsort |
  awk -v db="$tmp" 'BEGIN { while ((getline l < db) > 0) { split(l, f, " "); if (f[1] == "P") path[f[2]] = f[3] } }
       { print $1, ($1 in path ? path[$1] : "") }'
