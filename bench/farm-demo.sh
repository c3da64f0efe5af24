#!/usr/bin/env bash
# The build farm measured for real: the demo's world (stage3 of examples/demo) built
# on 1 Docker engine against 3 local engines (this machine's and bin/engines' e1 and e2), one
# build at a time on each engine (jobs: 1), so the only difference is the number of hosts.
#
#   bench/farm-demo.sh
#
# Stage0 to stage2 are built once first and not timed (stage1 and stage2 build one plan at a time
# whatever the hosts). Then stage3 is built on the one engine, queued again with `kiln rebuild`
# and built on the three; the first use of e1 and e2 (their studio images, the inputs sent to
# them) is in the second time, as in a real farm's first run. Prints each wall time, the ratio,
# how many of the second run's builds each host made, and the machine's load before and after.
# On a machine of 2 cores, three builds at once share 2 cores: the ratio cannot pass 2 there.
# Results: docs/performance.md, "Build farm: the demo's world on 1 and 3 engines".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bin/setup >&2
mapfile -t engines < <(bin/engines start 2)
./kiln --version >/dev/null # builds the jar if a source is newer

demo=$(mktemp -d /tmp/kiln-farm-demo.XXXXXX)
# kept when a run fails, for its logs
trap 'if [[ -n ${keep:-} ]]; then echo "farm-demo: kept $demo" >&2; else rm -rf "$demo"; fi' EXIT
# A copy of the jar: a build in this checkout meanwhile must not change kiln under the runs.
cp orchestrator/target/kiln.jar "$demo/kiln.jar"
cp -r examples/demo/{base-plans.txt,tools.yaml,plans,toolchain} "$demo"/
base_config=$(sed -e 's/^studio: .*/studio: docker/' -e 's/^compare: .*/compare: false/' \
  -e "s|^sources: .*|sources: [$here/examples/demo/sources]|" examples/demo/kiln.yaml)

# kiln.yaml with these hosts (each "name endpoint"), one build at a time on each.
hosts() {
  echo "$base_config"
  echo "hosts:"
  local name endpoint
  while read -r name endpoint; do
    echo "  - {name: $name, endpoint: \"$endpoint\", jobs: 1}"
  done
}

# As ./kiln runs it: the Testcontainers settings of a machine with no registry (docs/containers.md)
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  TESTCONTAINERS_CHECKS_DISABLE=true
kiln() { java -XX:+UseSerialGC -jar "$demo/kiln.jar" "$@" --config "$demo/kiln.yaml"; }

# Runs stage3 and prints its wall time in seconds (to 0.1 s); the run's output goes to $1.
timed_world() {
  local log=$1 start end
  start=$(date +%s.%N)
  kiln bootstrap --only stage3 >"$log" 2>&1 || {
    tail -30 "$log" >&2
    echo "farm-demo: stage3 failed; its output: $log" >&2
    keep=1
    exit 1
  }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

main=unix:///var/run/docker.sock
echo "main $main" | hosts >"$demo/kiln.yaml"
echo "farm-demo: stage0 to stage2 on one engine (not timed) in $demo" >&2
kiln bootstrap --skip stage3 >"$demo/base.log" 2>&1 || {
  tail -30 "$demo/base.log" >&2
  keep=1
  exit 1
}

load_before=$(load)
echo "farm-demo: stage3 on 1 engine" >&2
one=$(timed_world "$demo/one.log")
echo "farm-demo: 1 engine: $one s" >&2
# stage3's entries, from the ledger (the world leaves out what only the base needs)
mapfile -t world < <(kiln status --json | python3 -c '
import json, sys
for stage in json.load(sys.stdin)["stages"]:
    if stage["name"] == "stage3":
        for plan in stage["plans"]:
            print(plan["ident"])')
kiln rebuild "${world[@]}" >/dev/null
printf 'main %s\ne1 %s\ne2 %s\n' "$main" "${engines[0]}" "${engines[1]}" | hosts >"$demo/kiln.yaml"
echo "farm-demo: stage3 on 3 engines" >&2
three=$(timed_world "$demo/three.log")
load_after=$(load)

# Where the second run's builds ran: each plan's last attempt's host, from the ledger.
spread=$(kiln status --json | python3 -c '
import collections, json, sys
hosts = collections.Counter()
for stage in json.load(sys.stdin)["stages"]:
    if stage["name"] == "stage3":
        for plan in stage["plans"]:
            hosts[plan["attempts"][-1].get("host", "?")] += 1
print(", ".join(f"{h} {n}" for h, n in sorted(hosts.items())))')

echo "$(date -u +%FT%TZ) on $(nproc) cores, $(uname -r)"
echo "demo world: ${#world[@]} plans (check on, compare off), jobs 1 per engine"
echo "load before: $load_before"
echo "1 engine:  ${one} s"
echo "3 engines: ${three} s (builds per host: $spread)"
awk -v a="$one" -v b="$three" 'BEGIN { printf "ratio (1 engine / 3 engines): %.2fx\n", a / b }'
echo "load after:  $load_after"
