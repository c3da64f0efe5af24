#!/usr/bin/env bash
# The resume step of core-plans' bootstrap build scripts, as they do it: for each plan in the
# list, grep the plain-text db for an "origin/plan:args" line; the first plan not found is the
# first new build. Used by bench/ledger.sh as the baseline kiln's ledger replaces.
set -eu
work=$1
db=$work/bootstrap-toolchain.db
while read -r plan; do
  if grep -q "^bench/$plan:$" "$db" >/dev/null; then
    continue
  fi
  echo "first new build: $plan"
  exit 0
done <"$work/plans.txt"
