#!/usr/bin/env bash
# Studio benchmark: per-build overhead of a no-op command and of a whole no-op plan build (facts
# pass, build pass, pack, sign) in the Docker and chroot studios, the
# docker command line for comparison, and stage1 image build time cold and cached.
#   bench/studio-overhead.sh [RUNS]      (default $RUNS, else 20; prints a markdown table)
# Results and the machine they came from: docs/performance.md, "Studios: Docker vs chroot".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bin/setup
mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl orchestrator -am >&2
mvn -B -q -o -Dspotless.check.skip=true test-compile -pl stages -am >&2
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
  TESTCONTAINERS_CHECKS_DISABLE=true DOCKER_HOST=unix:///var/run/docker.sock
cd stages # the test tarball is cached in stages/target
echo "$(date -u +%F) on $(nproc) cores, $(uname -r), $(docker version -f 'docker {{.Server.Version}}')"
exec java -XX:+UseSerialGC -cp "$here/orchestrator/target/kiln.jar:$here/stages/target/test-classes" \
  kiln.stages.studio.docker.StudioBench "${1:-${RUNS:-20}}"
