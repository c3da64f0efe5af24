# The basic utilities of every studio from stage2 on: one static busybox and a link per applet.
pkg_name=busybox
pkg_origin=demo
pkg_version=1.35.0
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-2.0-only')
pkg_description="A statically linked BusyBox with a link per applet."
pkg_source=nothing-to-download
pkg_bin_dirs=(bin)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(demo/busybox)
fi

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  local from=/tools/bin/busybox
  if [[ "$STUDIO_TYPE" != "stage1" ]]; then
    from="$(pkg_path_for demo/busybox)/bin/busybox"
  fi
  mkdir -p "$pkg_prefix/bin"
  cp "$from" "$pkg_prefix/bin/busybox"
  chmod 0755 "$pkg_prefix/bin/busybox"
  local applet
  # sh and bash belong to demo/bash: busybox's ash must not shadow them.
  for applet in $("$pkg_prefix/bin/busybox" --list); do
    case "$applet" in sh | bash | busybox) continue ;; esac
    ln -s busybox "$pkg_prefix/bin/$applet"
  done
}

do_strip() { return 0; }
