#!/usr/bin/env bash
# Ledger benchmark: the cost of one durable transition, and the time from start to the first new
# build when resuming a run of 10,000 recorded entries; each against core-plans' plain-text db
# (build-plans.sh: `echo "$origin/$plan:$*" >> $db` after a build, `grep -q` per plan to resume),
# measured in the same run. Usage: bench/ledger.sh [ENTRIES]   (default 10000; needs hyperfine)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
entries=${1:-10000}
cd "$here"
mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl orchestrator -am >&2
"$here/kiln" --version >/dev/null # makes the launcher's class-data archive when missing
jar=$here/orchestrator/target/kiln.jar
cp="$jar:$here/orchestrator/target/test-classes"
# The JVM flags ./kiln gives `kiln bootstrap` (kept in step with the launcher): serial GC, kiln's
# class-data archive, kiln's own jar loaded unverified.
launcher_flags=(-XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr
  -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -XX:SharedArchiveFile="$jar.jsa")
java_bench=(java "${launcher_flags[@]}" -cp "$cp" kiln.orchestrator.LedgerBench)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kiln-ledger-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1), $(date -u +%F)"
echo "== filesystem of $tmp: $(df -T "$tmp" | awk 'NR==2 {print $2}')"

echo "== per transition (2000 transitions, 7 rounds)"
"${java_bench[@]}" transitions "$tmp/transitions" 2000 7
"${java_bench[@]}" schedule "$tmp/schedule-1" 1000 1
"${java_bench[@]}" schedule "$tmp/schedule-4" 1000 4
db=$tmp/append.db
for _ in 1 2 3 4 5 6 7; do
  : >"$db"
  start=$(date +%s%N)
  for ((i = 0; i < 2000; i++)); do echo "core/plan$i:" >>"$db"; done
  end=$(date +%s%N)
  echo "$(( (end - start) / 2000 / 100 ))" # tenths of a microsecond
done | sort -n | awk '{a[NR]=$1} END {printf "core-plans db append (echo >> db, not fsynced): median %.1f us/transition\n", a[int((NR+1)/2)]/10}'

echo "== resume with $entries recorded entries: start to first new build"
"${java_bench[@]}" seed "$tmp/resume" "$entries"
sync # the world was built long ago: its files are on disk, not waiting in the page cache
"${java_bench[@]}" resume "$tmp/resume" # one run to show the figure kiln measures itself
c1=(java "${launcher_flags[@]}" -XX:TieredStopAtLevel=1 -cp "$cp" kiln.orchestrator.LedgerBench)
hyperfine --style basic --warmup 1 --runs 7 --export-json "$tmp/kiln.json" \
  -n "kiln (launcher's JVM flags)" "${java_bench[*]} resume $tmp/resume" \
  -n "kiln (C1 only: -XX:TieredStopAtLevel=1)" "${c1[*]} resume $tmp/resume"
hyperfine --style basic --runs 3 --export-json "$tmp/db.json" \
  -n "core-plans db (grep per plan)" "bash $here/bench/build-plans-db.sh $tmp/resume"
python3 - "$tmp/kiln.json" "$tmp/db.json" <<'PY'
import json, statistics, sys
rows = [r for f in sys.argv[1:] for r in json.load(open(f))["results"]]
base = statistics.median(rows[-1]["times"])
print("\n| command | median wall | mean user+sys CPU | wall vs core-plans db |")
print("|---|---|---|---|")
for r in rows:
    wall = statistics.median(r["times"])
    cpu = r["user"] + r["system"]
    print(f"| {r['command']} | {wall:.3f} s | {cpu:.3f} s | {base / wall:.1f}x faster |"
          if r is not rows[-1] else f"| {r['command']} | {wall:.3f} s | {cpu:.3f} s | 1x |")
PY
echo "load average while measuring: $(cut -d ' ' -f 1-3 /proc/loadavg)"
