#!/usr/bin/env bash
# The world-order benchmark, one command: bench/world-order/run.sh [SIZES...]
# 1. In one JVM, times reading, ordering and dependents on generated worlds (default 1k, 10k,
#    100k plans) and prints a markdown table.
# 2. End to end (process start to exit), 700 real-sized plans: ./kiln world-order against a
#    bash-per-plan reader (bash-world-order.sh, core-plans' print-deps approach), with hyperfine;
#    E2E_10K=1 repeats that on the 10k world.
# Worlds are generated under bench/world-order/target (reused when present).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"
mkdir -p "$work"
"$root/kiln" --version >/dev/null # builds the jar when stale
jar=$root/orchestrator/target/kiln.jar
world() { # size -> dir (generated once)
  local dir=$work/world-$1
  [[ -f $dir/base-plans.txt ]] || java "$here/GenWorld.java" "$dir" "$1" >&2
  echo "$dir"
}
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
echo "| plans | read ms | graph ms | order ms | dependents ms | ordered | most depended on: dependents |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  runs=5; [[ $n -ge 100000 ]] && runs=3
  java -XX:+UseParallelGC -cp "$jar" "$here/WorldBench.java" "$(world "$n")" "$runs"
done
echo
dir=$(world 700)
list=$work/plans-700.txt
find "$dir" -name plan.sh | sort >"$list"
echo "kiln: $("$root/kiln" world-order <"$list" 2>/dev/null | wc -l) lines;" \
  "bash reader: $("$here/bash-world-order.sh" <"$list" | wc -l) lines"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "$work/end-to-end.md" \
  -n 'kiln world-order' "$root/kiln world-order < $list > /dev/null 2>&1" \
  -n 'bash per plan + tsort' "$here/bash-world-order.sh < $list > /dev/null"
cat "$work/end-to-end.md"
# Optional: the same comparison on the 10k world (bash needs about a minute per run).
if [[ -n ${E2E_10K:-} ]]; then
  list=$work/plans-10000.txt
  find "$(world 10000)" -name plan.sh | sort >"$list"
  hyperfine --runs 3 --export-markdown "$work/end-to-end-10k.md" \
    -n 'kiln world-order (10k)' "$root/kiln world-order < $list > /dev/null 2>&1" \
    -n 'bash per plan + tsort (10k)' "$here/bash-world-order.sh < $list > /dev/null"
  cat "$work/end-to-end-10k.md"
fi
