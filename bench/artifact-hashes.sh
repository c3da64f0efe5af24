#!/usr/bin/env bash
# Cost of checking built artifacts by content on resume (docs/performance.md, "Artifacts checked
# by content"): the demo's results (stage1-3 artifacts and the tools tarball) after `./kiln
# bootstrap`, or the files given, each way timed in the same run.
# Usage: bench/artifact-hashes.sh [RUNS [FILE...]]   (default 11 runs, the demo's results)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-11}
shift || true
if [ "$#" -eq 0 ]; then
  demo=$here/examples/demo
  set -- "$demo"/results-stage[123]/*.hart "$demo"/.kiln/stage0/*.tar.xz
fi
"$here/kiln" --version >/dev/null # builds the jar when stale
java -cp "$here/orchestrator/target/kiln.jar" "$here/bench/ArtifactHashesBench.java" "$runs" "$@"
