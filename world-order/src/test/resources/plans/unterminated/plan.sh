pkg_origin=core
pkg_name=unterminated
pkg_description="this never ends
pkg_deps=(core/glibc)
