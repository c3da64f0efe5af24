pkg_name=no-origin
pkg_version=1
pkg_deps=(core/glibc)
