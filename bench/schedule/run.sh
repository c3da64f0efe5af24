#!/usr/bin/env bash
# The schedule benchmark, one command: bench/schedule/run.sh [SEEDS]
# Generates the 700-plan core-plans-shaped world of the world-order benchmark (GenWorld, seed 42)
# and simulates its rebuild on 2 to 64 builders with kiln's scheduler, ordering ready entries by
# estimated time and by counted builds (ScheduleBench.java says how durations are drawn).
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
java -cp "$root/orchestrator/target/kiln.jar" "$here/ScheduleBench.java" "$dir" "${1:-10}"
