# An old copy of the zlib plan kept for reference: same ident as ../../zlib.
pkg_name=zlib
pkg_origin=core
pkg_version=1.2.11
pkg_source=http://zlib.net/${pkg_name}-${pkg_version}.tar.gz
pkg_shasum=1212121212121212121212121212121212121212121212121212121212121212
pkg_deps=(core/glibc)
pkg_build_deps=(core/gcc core/make)
