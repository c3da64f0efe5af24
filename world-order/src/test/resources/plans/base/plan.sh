pkg_name=base
pkg_origin=core
pkg_version=1.0.0
pkg_deps=(
  core/glibc
  core/zlib
)
pkg_build_deps=(core/gcc)
