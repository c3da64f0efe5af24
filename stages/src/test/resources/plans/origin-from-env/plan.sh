# No pkg_origin: HAB_ORIGIN gives it.
pkg_name=originless
pkg_version=0.1
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() { echo "$pkg_origin" >"$pkg_prefix/origin"; }
