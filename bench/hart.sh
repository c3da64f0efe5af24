#!/usr/bin/env bash
# Benchmark of .hart writing, verifying and installing (docs/performance.md, "Artifacts").
# Stages a package of many small files and a few large ones (~15 MB, like a small library package),
# times kiln (FILES + write, verify, install) and, in the same run, what Habitat's plan build
# does for the payload: GNU tar piped to xz -6, plus b2sum for the hash.
# Usage: bench/hart.sh [RUNS]   (default 5)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/kiln-hart-bench.XXXXXX)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
prefix=$work/stage/hab/pkgs/bench/payload/1.0.0/20261121120000
mkdir -p "$prefix"/{bin,lib,share/doc}
echo bench/payload/1.0.0/20261121120000 > "$prefix/IDENT"
echo x86_64-linux > "$prefix/TARGET"
# Compressible but not trivial content: text-like files from a fixed seed.
for i in $(seq 1 1000); do
  head -c $((2000 + i * 7)) /usr/share/common-licenses/GPL-3 > "$prefix/share/doc/file-$i.txt"
done
for i in 1 2; do
  head -c 2000000 /dev/urandom | base64 > "$prefix/lib/blob-$i.so"
done
cp /bin/bash "$prefix/bin/bash"
du -sh "$work/stage" >&2
"$here/kiln" --version >/dev/null # builds the jar when stale
"$here/kiln" origin key generate bench --keys "$work/keys" >/dev/null 2>&1
mkdir -p "$work/out"
echo "== kiln" >&2
java -cp "$here/orchestrator/target/kiln.jar" "$here/bench/HartBench.java" \
  "$work/stage" "$work/keys" "$work/out" "$runs"
echo "== GNU tar | xz -6, then b2sum (Habitat's payload path, single-threaded xz)" >&2
hyperfine --runs "$runs" --style basic --export-json "$work/write.json" \
  --command-name "tar | xz -6 | b2sum (write)" \
  "tar --sort=name -C '$work/stage' -cf - hab/pkgs/bench/payload/1.0.0/20261121120000 | xz -6 -T1 > '$work/payload.tar.xz' && b2sum -l 256 '$work/payload.tar.xz' >/dev/null"
echo "== xz -d | GNU tar -x (Habitat's install path, no verification)" >&2
hyperfine --runs "$runs" --style basic --export-json "$work/install.json" \
  --command-name "xz -d | tar -x (install)" \
  --prepare "chmod -R u+w '$work/x' 2>/dev/null; rm -rf '$work/x'; mkdir '$work/x'" \
  "xz -dc '$work/payload.tar.xz' | tar -x -C '$work/x'"
python3 - "$work/write.json" "$work/install.json" <<'PY'
import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f))["results"][0]
    print("%s: median %d ms" % (r["command"], r["median"] * 1000))
PY
