#!/usr/bin/env bash
# Stage 0 benchmark: `kiln stage0 build` against `tar -cf - tools | xz -9 -T0` on a
# toolchain-like tree (a copy of the host's gcc, binutils and libc files, >= 100 MB), measured
# in the same hyperfine run. Prints the median wall times, the sizes and the ratios.
#
#   bench/stage0.sh            # 3 runs of each
#   RUNS=5 bench/stage0.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-3}
work=$(mktemp -d /tmp/kiln-bench-stage0.XXXXXX)
trap 'rm -rf "$work"' EXIT

packages=(gcc-12 cpp-12 binutils-x86-64-linux-gnu libbinutils libc6 libc6-dev libgcc-12-dev
  libstdc++6 libctf0 libgprofng0 libisl23 libmpc3 libmpfr6 libgmp10)
mkdir -p "$work/tools"
for p in "${packages[@]}"; do dpkg -L "$p" 2>/dev/null || true; done | sort -u |
  while read -r f; do
    # Absolute symlinks (libc's /lib/... .so links) would point outside tools/: kiln refuses them.
    if [[ -L $f && $(readlink "$f") == /* ]]; then continue; fi
    if [[ -f $f || -L $f ]] && [[ ! -d $f ]]; then cp -a --parents "$f" "$work/tools/" 2>/dev/null || true; fi
  done
size=$(du -sm "$work/tools" | cut -f1)
if ((size < 100)); then
  echo "bench: the toolchain tree is only ${size} MB; install gcc-12 and binutils" >&2
  exit 1
fi
cat >"$work/spec.yaml" <<YAML
name: bench-tools
base: tools
xz: { preset: 9 }
YAML
"$here/kiln" --version >/dev/null # builds the jar if needed, outside the timing
# A private copy of the jar, so editing sources during a long run cannot trigger a rebuild.
cp "$here/orchestrator/target/kiln.jar" "$work/kiln.jar"
kiln="java -XX:+UseSerialGC -jar $work/kiln.jar"
export SOURCE_DATE_EPOCH=1767225600
mkdir -p "$work/out"
echo "bench: tree ${size} MB, $(find "$work/tools" -type f | wc -l) files; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
hyperfine --runs "$runs" --export-json "$work/times.json" \
  -n kiln "$kiln stage0 build --spec $work/spec.yaml --out $work/out" \
  -n 'tar | xz -9 -T0' "tar -cf - -C $work tools | xz -9 -T0 > $work/native.tar.xz" >&2
kiln_tarball=$(ls "$work"/out/bench-tools-*.tar.xz)
$kiln stage0 verify "$kiln_tarball" >&2
python3 - "$work/times.json" "$kiln_tarball" "$work/native.tar.xz" <<'PY'
import json, os, statistics, sys
times = {r["command"]: statistics.median(r["times"]) for r in json.load(open(sys.argv[1]))["results"]}
kiln_size, native_size = os.path.getsize(sys.argv[2]), os.path.getsize(sys.argv[3])
k, n = times["kiln"], times["tar | xz -9 -T0"]
print(f"| kiln stage0 build | {k:.1f} s | {kiln_size:,} bytes |")
print(f"| tar -cf - tools \\| xz -9 -T0 | {n:.1f} s | {native_size:,} bytes |")
print(f"| kiln / native | {k / n:.2f}x time | {kiln_size / native_size:.3f}x size |")
PY
echo "bench: load after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
