pkg_origin=core
pkg_version=1.0
