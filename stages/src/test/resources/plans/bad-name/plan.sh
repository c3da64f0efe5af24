pkg_name="bad name!"
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
