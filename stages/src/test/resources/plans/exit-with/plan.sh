pkg_name=exitwith
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { exit_with "Something bad happened" 55; }
do_after_failure() { echo "AFTER_FAILURE ran"; }
