pkg_origin=core
pkg_name="bad name"
