# The C compiler, compiled from source: the previous stage's compiler builds it once (in stage1
# that is the tools' tcc), then the result builds it again, and that second build is what the
# package holds, as GCC's bootstrap does. Both builds are configured for demo/glibc: its headers,
# start files, libraries and loader are compiled into tcc, so `tcc` needs no flags to build a
# program of the distribution. bin/cc adds the rpath of demo/glibc and of LD_RUN_PATH (which the
# plan build program composes from pkg_lib_dirs), bin/ar creates archives with `tcc -ar`.
pkg_name=tcc
pkg_origin=demo
pkg_version=0.9.27+git20200814.62c30a4a
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('LGPL-2.1-or-later')
pkg_description="The Tiny C Compiler, with cc and ar for the demo distribution."
pkg_upstream_url=https://bellard.org/tcc/
# TinyCC has made no release since 0.9.27 (2017). This is the snapshot of its git repository at
# commit 62c30a4a (2020-08-14) that Debian's source package tcc ships, named as Debian names it;
# no URL gives these bytes, so kiln finds it in a source mirror only (bin/setup fills the demo's).
pkg_source=tcc_0.9.27+git20200814.62c30a4a.orig.tar.bz2
pkg_shasum=d63c113bcdd657f51c8ee197a0b0a24203603313e19a52b5f678d40ab7f5df35
pkg_dirname=tcc-src
pkg_deps=(demo/glibc)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib/tcc)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  # The previous stage's compiler and make: stage2 is built by stage1's packages only.
  pkg_build_deps=(demo/tcc demo/make)
fi

do_unpack() {
  # The snapshot has no top folder: unpack it into one.
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
  (cd "$HAB_CACHE_SRC_PATH/$pkg_dirname" && tar -xjf "$HAB_CACHE_SRC_PATH/$pkg_filename")
}

# configure with a compiler and an archiver, for demo/glibc and this package's prefix ({B} is
# lib/tcc).
_configure() {
  local glibc
  glibc="$(pkg_path_for demo/glibc)"
  ./configure --prefix="$pkg_prefix" --cc="$1" --ar="$2" \
    --sysincludepaths="$glibc/include/x86_64-linux-gnu:$glibc/include:{B}/include" \
    --libpaths="$glibc/lib:{B}" --crtprefix="$glibc/lib" \
    --elfinterp="$glibc/lib/ld-linux-x86-64.so.2"
}

do_build() {
  local glibc
  glibc="$(pkg_path_for demo/glibc)"
  build_line "First build, by the previous stage's compiler ($(command -v cc))"
  mkdir -p ../first && cp -R . ../first/ && pushd ../first >/dev/null
  _configure cc ar && make
  popd >/dev/null
  build_line "Second build, by the first"
  # -B: the first build's runtime and headers, from its build folder (it is not installed).
  local first
  first="$(cd ../first && pwd)"
  _configure "$first/tcc -B$first" "$first/tcc -ar" && make LDFLAGS="-Wl,-rpath=$glibc/lib"
}

do_check() {
  local glibc
  glibc="$(pkg_path_for demo/glibc)"
  printf '#include <stdio.h>\nint main(void){puts("tcc works");return 0;}\n' >check.c
  ./tcc -B. -Wl,-rpath="$glibc/lib" -o check check.c && ./check
}

do_install() {
  # busybox has no install(1): plain copies, as tcc's Makefile does for Windows.
  make install INSTALL=cp INSTALLBIN=cp
  # Only the compiler, its runtime and headers; libtcc (the library) is not needed here.
  rm -rf "$pkg_prefix/share" "$pkg_prefix/lib/libtcc.a" "$pkg_prefix/include"
  _write_cc "$(pkg_path_for demo/glibc)" >"$pkg_prefix/bin/cc"
  _write_ar >"$pkg_prefix/bin/ar"
  printf '#!/bin/sh\n# tcc -ar writes the symbol index itself.\nexit 0\n' >"$pkg_prefix/bin/ranlib"
  # The scripts keep #!/bin/sh: every studio has one, and demo/bash is built with this compiler.
  chmod 0755 "$pkg_prefix/bin/cc" "$pkg_prefix/bin/ar" "$pkg_prefix/bin/ranlib"
}

# cc: tcc with an rpath naming demo/glibc and the libraries of the package being built, telling
# the C library that tcc cannot size arrays by other parameters in a prototype (glibc's regex.h
# would use that, and configure scripts would then find no regex).
_write_cc() {
  cat <<CC
#!/bin/sh
[ "\${1-}" = -ar ] && exec $pkg_prefix/bin/tcc "\$@"
exec $pkg_prefix/bin/tcc -D__STDC_NO_VLA__=1 -Wl,-rpath=$1/lib\${LD_RUN_PATH:+:\$LD_RUN_PATH} "\$@"
CC
}

# ar: tcc creates archives; busybox's ar (every studio has busybox) lists and extracts them.
_write_ar() {
  cat <<AR
#!/bin/sh
case \${1-} in
  *r*) exec $pkg_prefix/bin/tcc -ar "\$@" ;;
esac
exec busybox ar "\$@"
AR
}
