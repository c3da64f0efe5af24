pkg_origin=core
pkg_name=self
pkg_build_deps=(core/self core/gcc)
