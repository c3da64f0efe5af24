# A tiny C library and a tool printing its version, from a source tarball over HTTP.
pkg_name=libdemo
pkg_origin=conformance
pkg_version=0.3
pkg_source=@URL@/libdemo-0.3.tar.gz
pkg_shasum=@SHA@
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)
pkg_bin_dirs=(bin)
do_build() { make CC=cc AR="tcc -ar"; }
do_install() { make install PREFIX="$pkg_prefix"; }
