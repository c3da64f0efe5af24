#!/usr/bin/env bash
# Inputs benchmark: one studio run with a plan, the program, a package of SIZE MB and a source,
# its output read back; bind mounts on the main engine against copies through the API on an
# extra engine (first send, then cached).
#   bench/studio-inputs.sh [RUNS] [SIZE_MB]      (default 10 runs, 40 MB; prints a markdown table)
# Results: docs/performance.md, "Studio inputs: bind mounts vs the engine's API".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bin/setup
engine=$(bin/engines start 1)
mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl orchestrator -am >&2
mvn -B -q -o -Dspotless.check.skip=true test-compile -pl stages -am >&2
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  TESTCONTAINERS_CHECKS_DISABLE=true DOCKER_HOST=unix:///var/run/docker.sock
cd stages # the test tarball is cached in stages/target
echo "$(date -u +%F) on $(nproc) cores, $(uname -r), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -XX:+UseSerialGC -cp "$here/orchestrator/target/kiln.jar:$here/stages/target/test-classes" \
  kiln.stages.studio.docker.InputsBench "${1:-10}" "${2:-40}" "$engine"
