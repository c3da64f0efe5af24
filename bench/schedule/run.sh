#!/usr/bin/env bash
# The schedule benchmark, one command: bench/schedule/run.sh [SEEDS]
# Generates the 700-plan core-plans-shaped world of the world-order benchmark (GenWorld, seed 42)
# and simulates its rebuild on 2 to 64 builders with kiln's scheduler, ordering ready entries by
# estimated time and by counted builds (ScheduleBench.java says how durations are drawn).
# bench/schedule/run.sh --farm [SEEDS]: the build farm's speed-up on 2 to 16 hosts of mixed speed
# against one host, the same world and durations (FarmBench.java).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bench=ScheduleBench
if [[ ${1:-} == --farm ]]; then
  bench=FarmBench
  shift
fi
work=$here/target
mkdir -p "$work"
"$root/kiln" --version >/dev/null # builds the jar when stale
dir=$work/world-700
[[ -f $dir/base-plans.txt ]] || java "$root/bench/world-order/GenWorld.java" "$dir" 700 >&2
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
# FarmBench reuses ScheduleBench's world and durations: both are compiled, one is run
classes=$work/classes
mkdir -p "$classes"
javac -d "$classes" -cp "$root/orchestrator/target/kiln.jar" "$here/ScheduleBench.java" "$here/FarmBench.java"
java -cp "$root/orchestrator/target/kiln.jar:$classes" "$bench" "$dir" "${1:-10}"
