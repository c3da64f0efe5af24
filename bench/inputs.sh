#!/usr/bin/env bash
# Build inputs benchmark: what comparing every entry's inputs with its recorded build adds to a
# resume, for N unchanged plans (default 10,000), with the file digest cache cold and warm.
# Usage: bench/inputs.sh [ENTRIES]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
entries=${1:-10000}
cd "$here"
mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl orchestrator -am >&2
cp="$here/orchestrator/target/kiln.jar:$here/orchestrator/target/test-classes"
bench=(java -XX:+UseSerialGC -cp "$cp" kiln.orchestrator.inputs.InputsBench)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiln-inputs-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== machine: $(nproc) cores, $(uname -sr), $(date -u +%F), filesystem $(df -T "$tmp" | awk 'NR==2 {print $2}')"
"${bench[@]}" seed "$tmp" "$entries"
sleep 2 # files younger than a second are never cached (git's racy-clean rule)
rm -f "$tmp/work/cache/file-digests"
echo "== cold cache (every file read once, then remembered)"
"${bench[@]}" resume "$tmp"
echo "== warm cache (stats only), 5 runs"
for _ in 1 2 3 4 5; do "${bench[@]}" resume "$tmp"; done
echo "== every file touched (times changed, contents not): read again, nothing to build"
find "$tmp/plans" -type f -exec touch -d '-5 seconds' {} +
"${bench[@]}" resume "$tmp"
echo "load average while measuring: $(cut -d ' ' -f 1-3 /proc/loadavg)"
