#!/usr/bin/env bash
# Gathers a small demo toolchain from this Debian host into DEST/tools/, shaped like the tools
# tree of a stage1 studio: it is mounted at /tools, so every path baked in below is /tools/...
#
#   examples/demo/toolchain/gather-host-tools.sh DEST
#
# What lands in DEST/tools:
#   bin/busybox + one link per applet, bin/bash and bin/sh (bash-static), bin/make (GNU make),
#   bin/tcc and bin/cc (a wrapper that points tcc at /tools), a few dynamically linked host
#   tools, lib/ with their shared-library closure (found with ldd) and the dynamic loader,
#   lib/tcc/ (tcc's own runtime and headers), include/ (libc6-dev and linux-libc-dev headers),
#   lib/ crt*.o, libc.so (a linker script pointing into /tools/lib), libc.a and friends.
# Needs the Debian packages busybox-static, bash-static, tcc, libc6-dev, make, file, binutils
# (bin/setup installs them).
set -euo pipefail

die() { echo "gather-host-tools: $*" >&2; exit 1; }
(($# == 1)) || die "usage: gather-host-tools.sh DEST"
dest=$1/tools
multiarch=x86_64-linux-gnu
hostlib=/usr/lib/$multiarch
for need in /bin/busybox /bin/bash-static /usr/bin/tcc /usr/bin/make "$hostlib/crt1.o"; do
  [[ -e $need ]] || die "missing $need: run bin/setup (it installs the Debian packages)"
done
mkdir -p "$dest"/{bin,lib,include}

# Static busybox with a link per applet: the basic utilities.
cp /bin/busybox "$dest/bin/busybox"
for applet in $(/bin/busybox --list); do
  [[ -e $dest/bin/$applet ]] || ln -s busybox "$dest/bin/$applet"
done
# bash-static is the studio's bash, and its sh (plans and configure scripts expect bash).
rm -f "$dest/bin/bash" "$dest/bin/sh"
cp /bin/bash-static "$dest/bin/bash"
ln -s bash "$dest/bin/sh"

# Dynamically linked host tools, and the closure of the libraries they load.
dynamic_tools=(/usr/bin/make /usr/bin/tcc /usr/bin/file /usr/bin/strip)
copy_closure() {
  local lib
  for lib in $(ldd "$1" | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}'); do
    [[ -e $dest/lib/$(basename "$lib") ]] || cp -L "$lib" "$dest/lib/"
  done
}
for tool in "${dynamic_tools[@]}"; do
  [[ -x $tool ]] || continue
  rm -f "$dest/bin/$(basename "$tool")"
  cp -L "$tool" "$dest/bin/"
  copy_closure "$tool"
done
# libmagic looks for its database at a host path: `file` becomes a wrapper naming ours.
if [[ -e $dest/bin/file && -e /usr/lib/file/magic.mgc ]]; then
  mkdir -p "$dest/share/misc" "$dest/libexec"
  cp -L /usr/lib/file/magic.mgc "$dest/share/misc/magic.mgc"
  mv "$dest/bin/file" "$dest/libexec/file"
  printf '#!/tools/bin/bash\nexec /tools/libexec/file -m /tools/share/misc/magic.mgc "$@"\n' \
    >"$dest/bin/file"
  chmod 0755 "$dest/bin/file"
fi

# tcc's own runtime (libtcc1.a) and its headers (stdarg.h, stddef.h ...).
mkdir -p "$dest/lib/tcc"
cp -r "$hostlib/tcc/." "$dest/lib/tcc/"

# The C library for compiling and linking: headers, start files, libraries.
for pkg in libc6-dev linux-libc-dev; do
  dpkg -L "$pkg" 2>/dev/null | grep '^/usr/include/.' | while read -r path; do
    [[ -f $path ]] || continue
    mkdir -p "$dest/include/$(dirname "${path#/usr/include/}")"
    cp -L "$path" "$dest/include/${path#/usr/include/}"
  done
done
cp "$hostlib"/{crt1.o,crti.o,crtn.o,Scrt1.o} "$dest/lib/"
cp "$hostlib"/{libc.a,libc_nonshared.a,libm.a,libpthread.a,libdl.a} "$dest/lib/" 2>/dev/null || true
for lib in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 ld-linux-x86-64.so.2; do
  [[ -e $dest/lib/$lib ]] || cp -L "/lib/$multiarch/$lib" "$dest/lib/"
done
# Debian's libc.so and libm.so are linker scripts naming host paths; point them at /tools.
printf 'GROUP ( /tools/lib/libc.so.6 /tools/lib/libc_nonshared.a AS_NEEDED ( /tools/lib/ld-linux-x86-64.so.2 ) )\n' \
  >"$dest/lib/libc.so"
ln -sf libm.so.6 "$dest/lib/libm.so"

# cc: tcc with every search path inside /tools. tcc's crt dir is compiled in as the host's,
# so linking names the start files itself (-nostdlib) unless only compiling. The /tools headers
# come with -isystem, after the program's own -I folders: gnulib's replacement headers (GNU
# tar's, for one) must be found before the C library's. __STDC_NO_VLA__ tells the C library that
# this compiler cannot take array sizes from other parameters in a prototype (glibc's regex.h
# uses them otherwise, and configure scripts then decide there is no regex: bash loses =~).
cat >"$dest/bin/cc" <<'EOF'
#!/tools/bin/bash
# cc for the demo toolchain: tcc, searching only /tools.
[[ ${1-} == -ar ]] && exec /tools/bin/tcc "$@"
inc=(-D__STDC_NO_VLA__=1 -nostdinc -isystem /tools/lib/tcc/include
  -isystem /tools/include/x86_64-linux-gnu -isystem /tools/include)
for arg in "$@"; do
  case $arg in -c|-E|-S|-M|-MM) exec /tools/bin/tcc -B/tools/lib/tcc "${inc[@]}" "$@" ;; esac
done
shared=false
for arg in "$@"; do [[ $arg == -shared ]] && shared=true; done
if $shared; then
  exec /tools/bin/tcc -B/tools/lib/tcc "${inc[@]}" -nostdlib /tools/lib/crti.o "$@" \
    -L/tools/lib -lc /tools/lib/tcc/libtcc1.a /tools/lib/crtn.o
fi
exec /tools/bin/tcc -B/tools/lib/tcc "${inc[@]}" -nostdlib \
  /tools/lib/crt1.o /tools/lib/crti.o "$@" -L/tools/lib -Wl,-rpath=/tools/lib \
  -lc /tools/lib/tcc/libtcc1.a /tools/lib/crtn.o
EOF
chmod 0755 "$dest/bin/cc"
# busybox's ar only lists and extracts: archives are made with tcc's. tcc -ar writes the symbol
# index itself, so ranlib has nothing to do.
rm -f "$dest/bin/ar" "$dest/bin/ranlib"
cat >"$dest/bin/ar" <<'EOF'
#!/tools/bin/bash
case ${1-} in
  *r*) exec /tools/bin/tcc -ar "$@" ;;
esac
exec /tools/bin/busybox ar "$@"
EOF
printf '#!/tools/bin/bash\nexit 0\n' >"$dest/bin/ranlib"
chmod 0755 "$dest/bin/ar" "$dest/bin/ranlib"
ln -sf cc "$dest/bin/gcc"
echo "gather-host-tools: $(find "$dest" | wc -l) entries in $dest" >&2
