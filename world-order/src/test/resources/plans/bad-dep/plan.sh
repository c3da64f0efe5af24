pkg_origin=core
pkg_name=bad-dep
pkg_deps=(
  core/glibc
  zlib
)
