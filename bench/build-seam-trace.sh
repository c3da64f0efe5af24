#!/usr/bin/env bash
# Follows one build request through kiln: bootstraps a copy of the demo in the chroot studio with
# a debugger attached (bench/BuildSeamTrace.java) and prints, for the first stage3 entry, the
# classes its build entered in order and how often it went back to a class already left.
# The traced build runs interpreted, so it takes minutes; the rest of the run goes on untraced.
#
#   bench/build-seam-trace.sh [KILN_JAR]     (default: this checkout's, built when stale)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=${1:-$here/orchestrator/target/kiln.jar}
[[ $# -gt 0 ]] || "$here/kiln" --version >/dev/null # builds the jar when stale
work=$(mktemp -d /tmp/kiln-bench-seam.XXXXXX)
trap 'rm -rf "$work"' EXIT
demo=$here/examples/demo
mkdir -p "$work/demo/toolchain"
cp -r "$demo/plans" "$demo/base-plans.txt" "$demo/tools.yaml" "$work/demo/"
"$demo/toolchain/gather-host-tools.sh" "$work/demo/toolchain/gathered" >/dev/null 2>&1
sed -e 's/^studio: .*/studio: chroot/' -e 's/^jobs: .*/jobs: 1/' "$demo/kiln.yaml" \
  >"$work/demo/kiln.yaml"
port=$((40000 + RANDOM % 20000))
java -XX:+UseSerialGC -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=localhost:$port \
  -jar "$jar" bootstrap --config "$work/demo/kiln.yaml" >"$work/kiln.out" 2>&1 &
kiln=$!
sleep 2
java "$here/bench/BuildSeamTrace.java" "$port" 1
wait "$kiln" || { cat "$work/kiln.out" >&2; exit 1; }
