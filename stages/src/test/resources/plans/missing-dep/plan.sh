pkg_name=needs-missing
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_deps=(conformance/not-installed-anywhere)
do_download() { return 0; }
