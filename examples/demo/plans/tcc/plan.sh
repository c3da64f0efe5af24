# The C compiler: tcc, with a cc that compiles and links against demo/glibc only. Programs it
# links load demo/glibc's loader (tcc takes the ELF interpreter from LD_SO) and find their
# libraries through an rpath made of LD_RUN_PATH, as the plan build program composes it.
pkg_name=tcc
pkg_origin=demo
pkg_version=0.9.27
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('LGPL-2.1-or-later')
pkg_description="The Tiny C Compiler and a cc for the demo distribution."
pkg_source=nothing-to-download
pkg_deps=(demo/glibc demo/bash)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib/tcc)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(demo/tcc)
fi

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  local from_bin=/tools/bin/tcc from_lib=/tools/lib/tcc
  if [[ "$STUDIO_TYPE" != "stage1" ]]; then
    from_bin="$(pkg_path_for demo/tcc)/libexec/tcc"
    from_lib="$(pkg_path_for demo/tcc)/lib/tcc"
  fi
  mkdir -p "$pkg_prefix/libexec" "$pkg_prefix/bin" "$pkg_prefix/lib"
  cp "$from_bin" "$pkg_prefix/libexec/tcc"
  chmod 0755 "$pkg_prefix/libexec/tcc"
  cp -R "$from_lib" "$pkg_prefix/lib/tcc"
  _write_cc "$(pkg_path_for demo/glibc)" >"$pkg_prefix/bin/cc"
  chmod 0755 "$pkg_prefix/bin/cc"
  ln -s cc "$pkg_prefix/bin/tcc"
  fix_interpreter "$pkg_prefix/bin/cc" demo/bash bin/bash
}

# Writes the cc script: every search path inside demo/glibc and this package.
_write_cc() {
  local glibc=$1
  cat <<CC
#!/bin/bash
glibc=$glibc
tcc=$pkg_prefix
CC
  cat <<'CC'
loader=$glibc/lib/ld-linux-x86-64.so.2
inc=(-nostdinc -I$tcc/lib/tcc/include -I$glibc/include/x86_64-linux-gnu -I$glibc/include)
run() { LD_SO=$loader exec "$loader" --library-path "$glibc/lib" "$tcc/libexec/tcc" -B"$tcc/lib/tcc" "$@"; }
for arg in "$@"; do
  case $arg in -c | -E | -S | -M | -MM) run "${inc[@]}" "$@" ;; esac
done
rpath=$glibc/lib${LD_RUN_PATH:+:$LD_RUN_PATH}
for arg in "$@"; do
  if [[ $arg == -shared ]]; then
    run "${inc[@]}" -nostdlib "$glibc/lib/crti.o" "$@" -L"$glibc/lib" -Wl,-rpath="$rpath" \
      -lc "$tcc/lib/tcc/libtcc1.a" "$glibc/lib/crtn.o"
  fi
done
run "${inc[@]}" -nostdlib "$glibc/lib/crt1.o" "$glibc/lib/crti.o" "$@" -L"$glibc/lib" \
  -Wl,-rpath="$rpath" -lc "$tcc/lib/tcc/libtcc1.a" "$glibc/lib/crtn.o"
CC
}

do_strip() { return 0; }
