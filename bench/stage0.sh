#!/usr/bin/env bash
# Stage 0 benchmark: `kiln stage0 build` against `tar -cf - tools | xz -9 -T0` on three
# toolchain-like trees made from the host's files:
#   gcc       the gcc library dir dereferenced (cp -rL /usr/lib/gcc/x86_64-linux-gnu/12):
#             cc1, cc1plus and lto1 share most of their bytes
#   binutils  binutils and libc (the binaries, libbfd, libc6, libc6-dev)
#   toolchain gcc-12, cpp-12, binutils, libc, libstdc++, libgcc, isl/mpc/mpfr/gmp
# Each run times kiln and xz one after the other on the same tree (so both see about the same
# machine load), and prints per tree the median wall times, the mean CPU times, the sizes and the
# ratios kiln / xz.
#
#   bench/stage0.sh                   # 3 runs of each, every tree
#   RUNS=5 TREES="gcc" bench/stage0.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-3}
trees=${TREES:-gcc binutils toolchain}
work=$(mktemp -d /tmp/kiln-bench-stage0.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Copies the files of some Debian packages into $1/tools, leaving out absolute symlinks (libc's
# /lib/... .so links): they would point outside tools/, and kiln refuses them.
from_packages() {
  local tree=$1
  shift
  mkdir -p "$tree/tools"
  for p in "$@"; do dpkg -L "$p" 2>/dev/null || true; done | sort -u |
    while read -r f; do
      if [[ -L $f && $(readlink "$f") == /* ]]; then continue; fi
      if [[ -f $f || -L $f ]] && [[ ! -d $f ]]; then cp -a --parents "$f" "$tree/tools/" 2>/dev/null || true; fi
    done
}

make_tree() {
  local name=$1 tree=$work/$1
  case $name in
    gcc)
      mkdir -p "$tree"
      cp -rL /usr/lib/gcc/x86_64-linux-gnu/12 "$tree/tools" ;;
    binutils)
      from_packages "$tree" binutils-x86-64-linux-gnu libbinutils libctf0 libgprofng0 libc6 libc6-dev ;;
    toolchain)
      from_packages "$tree" gcc-12 cpp-12 binutils-x86-64-linux-gnu libbinutils libc6 libc6-dev \
        libgcc-12-dev libstdc++6 libctf0 libgprofng0 libisl23 libmpc3 libmpfr6 libgmp10 ;;
    *)
      echo "bench: unknown tree $name (known: gcc binutils toolchain)" >&2
      exit 2 ;;
  esac
  local size
  size=$(du -sm "$tree/tools" | cut -f1)
  if ((size < 30)); then
    echo "bench: the $name tree is only ${size} MB; install gcc-12, g++-12 and binutils" >&2
    exit 1
  fi
  printf 'name: bench-%s\nbase: tools\nxz: { preset: 9 }\n' "$name" >"$tree/spec.yaml"
  echo "bench: tree $name: ${size} MB, $(find "$tree/tools" -type f | wc -l) files" >&2
}

"$here/kiln" --version >/dev/null # builds the jar if needed, outside the timing
# A private copy of the jar, so editing sources during a long run cannot trigger a rebuild.
cp "$here/orchestrator/target/kiln.jar" "$work/kiln.jar"
# The JVM flags ./kiln gives `stage0 build` (big buffers in the old generation; huge pages for the
# match finder where the kernel hands them out on request).
kiln="java -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m -jar $work/kiln.jar"
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  kiln="java -XX:+UseSerialGC -XX:PretenureSizeThreshold=1m -XX:+UseTransparentHugePages -jar $work/kiln.jar"
fi
export SOURCE_DATE_EPOCH=1767225600

# One timed command: appends "tree tool wall user system bytes load" to $work/times.
timed() {
  local tree=$1 tool=$2 output=$3
  shift 3
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null
  echo "$tree $tool $(cat "$work/time") $(stat -L -c %s "$output") $load" >>"$work/times"
}

for name in $trees; do make_tree "$name"; done
echo "bench: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $runs run(s) of each" >&2
for ((run = 1; run <= runs; run++)); do
  for name in $trees; do
    tree=$work/$name
    rm -rf "$tree/out"
    timed "$name" kiln "$tree/out/latest" \
      bash -c "$kiln stage0 build --spec $tree/spec.yaml --out $tree/out >/dev/null && ln -sf \$(ls $tree/out/*.tar.xz) $tree/out/latest"
    timed "$name" xz "$tree/native.tar.xz" \
      bash -c "tar -cf - -C $tree tools | xz -9 -T0 > $tree/native.tar.xz"
    echo "bench: run $run $name: $(tail -2 "$work/times" | tr '\n' ' ')" >&2
  done
done
for name in $trees; do
  $kiln stage0 verify "$work/$name/out/latest" >&2
done
echo "bench: load after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$work/times" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    tree, tool, wall, user, system, size, load = line.split()
    rows[tree, tool].append((float(wall), float(user) + float(system), int(size), float(load)))
print("| tree | kiln wall (median) | xz wall (median) | wall kiln/xz | kiln CPU | xz CPU | kiln bytes | xz bytes | size kiln/xz | load |")
print("|---|---|---|---|---|---|---|---|---|---|")
for tree in dict.fromkeys(t for t, _ in rows):
    k, x = rows[tree, "kiln"], rows[tree, "xz"]
    kw, xw = statistics.median(r[0] for r in k), statistics.median(r[0] for r in x)
    kc, xc = statistics.mean(r[1] for r in k), statistics.mean(r[1] for r in x)
    ks, xs = k[-1][2], statistics.median(r[2] for r in x)
    loads = [r[3] for r in k + x]
    print(f"| {tree} | {kw:.1f} s | {xw:.1f} s | **{kw / xw:.2f}x** | {kc:.1f} s | {xc:.1f} s"
          f" | {ks:,} | {int(xs):,} | **{ks / xs:.3f}x** | {min(loads):.1f}-{max(loads):.1f} |")
PY
