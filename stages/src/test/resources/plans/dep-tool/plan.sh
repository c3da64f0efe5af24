# A build-time dependency, itself depending on dep-lib (so it has TDEPS).
pkg_name=dep-tool
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_deps=(conformance/dep-lib)
pkg_bin_dirs=(bin)
pkg_include_dirs=(include)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  mkdir -p "$pkg_prefix"/{bin,include}
  printf '#!/bin/sh\necho dep-tool\n' >"$pkg_prefix/bin/dep-tool"
  chmod 0755 "$pkg_prefix/bin/dep-tool"
}
