#!/usr/bin/env bash
# What the progress display's ETA costs, one command: bench/schedule/eta.sh [ROUNDS]
# The 700-plan world of the schedule benchmark (GenWorld, seed 42) with its estimates; times one
# ETA worked out anew, as kiln does each time a build starts or ends (EtaBench.java says how).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target
mkdir -p "$work/classes"
"$root/kiln" --version >/dev/null # builds the jar when stale
dir=$work/world-700
[[ -f $dir/base-plans.txt ]] || java "$root/bench/world-order/GenWorld.java" "$dir" 700 >&2
jar=$root/orchestrator/target/kiln.jar
javac -cp "$jar" -d "$work/classes" "$here/ScheduleBench.java" "$here/EtaBench.java"
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo
java -cp "$jar:$work/classes" EtaBench "$dir" "${1:-2000}"
