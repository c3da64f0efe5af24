# The plan makes its own source; the default do_verify finds it does not match pkg_shasum.
pkg_name=badsum
pkg_origin=conformance
pkg_version=1.0
pkg_source=made-by-the-plan.tar.gz
pkg_shasum=0000000000000000000000000000000000000000000000000000000000000000
do_download() { echo data >"$HAB_CACHE_SRC_PATH/$pkg_filename"; }
