# Provides an interpreter for fix_interpreter and pkg_interpreter_for.
pkg_name=interp
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/tool)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  mkdir -p "$pkg_prefix/bin"
  printf '#!/bin/sh\necho "interp says: $*"\n' >"$pkg_prefix/bin/tool"
  chmod 0755 "$pkg_prefix/bin/tool"
}
