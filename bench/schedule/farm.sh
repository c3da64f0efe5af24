#!/usr/bin/env bash
# The build farm's speed-up, one command: bench/schedule/farm.sh [SEEDS]
# The schedule benchmark's 700-plan world and durations, simulated with kiln's RunSimulator on
# 2, 4, 8 and 16 build hosts of mixed speed against one host (FarmBench.java says how).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target
mkdir -p "$work"
"$root/kiln" --version >/dev/null # builds the jar when stale
dir=$work/world-700
[[ -f $dir/base-plans.txt ]] || java "$root/bench/world-order/GenWorld.java" "$dir" 700 >&2
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
# FarmBench reuses ScheduleBench's durations: compile both, run FarmBench
classes=$work/farm-classes
mkdir -p "$classes"
javac -d "$classes" -cp "$root/orchestrator/target/kiln.jar" "$here/ScheduleBench.java" "$here/FarmBench.java"
java -cp "$root/orchestrator/target/kiln.jar:$classes" FarmBench "$dir" "${1:-10}"
