# A dependency that exports every kind of path.
pkg_name=dep-lib
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)
pkg_bin_dirs=(bin)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  mkdir -p "$pkg_prefix"/{bin,lib/pkgconfig,include}
  printf '#!/bin/sh\necho dep-lib-tool\n' >"$pkg_prefix/bin/dep-lib-tool"
  chmod 0755 "$pkg_prefix/bin/dep-lib-tool"
}
