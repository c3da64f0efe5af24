# pkg_filename set by the plan: the source is kept and unpacked under that name, not the URL's.
pkg_name=filename
pkg_origin=conformance
pkg_version=1.0
pkg_source=@URL@/payload.tar.gz
pkg_filename=renamed-source.tgz
pkg_shasum=@SHA@
pkg_dirname=payload
do_build() { return 0; }
do_install() {
  cp "$HAB_CACHE_SRC_PATH/payload/hello.txt" "$pkg_prefix/hello.txt"
  ls "$HAB_CACHE_SRC_PATH" | grep -v '^payload$' >"$pkg_prefix/cache-listing"
}
