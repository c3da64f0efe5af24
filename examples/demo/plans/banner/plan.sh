# A script package: no compiler, one shebang pointed at demo/bash with fix_interpreter.
pkg_name=banner
pkg_origin=demo
pkg_version=3.0
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="Prints its arguments in a box."
pkg_source=nothing-to-download
pkg_deps=(demo/bash demo/busybox)
pkg_bin_dirs=(bin)

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cat >"$pkg_prefix/bin/banner" <<'SCRIPT'
#!/bin/bash
text="$*"
line=$(printf '%*s' $((${#text} + 4)) '' | tr ' ' '*')
printf '%s\n* %s *\n%s\n' "$line" "$text" "$line"
SCRIPT
  chmod 0755 "$pkg_prefix/bin/banner"
  fix_interpreter "$pkg_prefix/bin/banner" demo/bash bin/bash
}
