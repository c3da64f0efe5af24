#!/usr/bin/env bash
# Benchmark: chroot studio setup + teardown, and the per-plan overhead of a no-op plan with 0 and
# 500 packages in the store. Prints a markdown table (see docs/performance.md).
#
#   bench/plan-build-overhead.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/kiln-bench-plan-build.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$here/kiln" --version >/dev/null # builds the jar when stale
"$here/examples/demo/toolchain/gather-host-tools.sh" "$work/gathered" 2>/dev/null
(cd "$work/gathered" && XZ_OPT=-0 tar -cJf "$work/tools.tar.xz" tools)
echo "| what | median |"
echo "|---|---|"
java -XX:+UseSerialGC -cp "$here/orchestrator/target/kiln.jar" "$here/bench/PlanBuildBench.java" \
  "$work" "$work/tools.tar.xz"
