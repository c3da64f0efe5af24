# Only settings: every callback runs its default (download, verify, clean, unpack,
# ./configure --prefix && make, make install, strip).
pkg_name=hello
pkg_origin=conformance
pkg_version=1.0
pkg_source=@URL@/hello-1.0.tar.gz
pkg_shasum=@SHA@
pkg_bin_dirs=(bin)
