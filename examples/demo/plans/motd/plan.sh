# The message of the day: uses two other packages at run time, and is a service (hooks/run).
pkg_name=motd
pkg_origin=demo
pkg_version=2026.11
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="Greets in a banner."
pkg_source=nothing-to-download
pkg_deps=(demo/hello demo/banner demo/bash)
pkg_bin_dirs=(bin)
pkg_svc_user=root
pkg_exports=([greeting-language]=language)

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cat >"$pkg_prefix/bin/motd" <<SCRIPT
#!/bin/sh
exec $(pkg_path_for demo/banner)/bin/banner "\$($(pkg_path_for demo/hello)/bin/hello "\${1:-world}")"
SCRIPT
  chmod 0755 "$pkg_prefix/bin/motd"
  fix_interpreter "$pkg_prefix/bin/motd" demo/bash bin/sh
}
