# zlib, compiled from source by the stage2 toolchain: its own configure script (not autoconf's),
# a shared and a static library, and the default install (make install).
pkg_name=zlib
pkg_origin=demo
pkg_version=1.2.13
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('Zlib')
pkg_description="zlib, the deflate compression library."
pkg_upstream_url=https://zlib.net/
# Debian's repack of zlib 1.2.13 (contrib/ and other non-free parts removed), from its source
# package zlib; no URL gives these bytes, so kiln finds it in a source mirror only (bin/setup
# fills the demo's).
pkg_source=zlib_1.2.13.dfsg.orig.tar.bz2
pkg_shasum=71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1
pkg_dirname=zlib-1.2.13.dfsg
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

do_build() {
  CC=cc ./configure --prefix="$pkg_prefix"
  make -j2
}

do_check() {
  make test
}
