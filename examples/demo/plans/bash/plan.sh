# The studio shell from stage2 on (with busybox it is the default studio's backline).
# Stage1 takes the static bash from the tools; every later stage takes the one the stage
# before built: a package may need an older version of itself.
pkg_name=bash
pkg_origin=demo
pkg_version=5.2.15
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="A statically linked GNU bash."
pkg_upstream_url=https://www.gnu.org/software/bash/
pkg_source=nothing-to-download  # copied from the previous stage, see do_install
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/bash bin/sh)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(demo/bash)
fi

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  local from=/tools/bin
  if [[ "$STUDIO_TYPE" != "stage1" ]]; then
    from="$(pkg_path_for demo/bash)/bin"
  fi
  mkdir -p "$pkg_prefix/bin"
  cp "$from/bash" "$pkg_prefix/bin/bash"
  chmod 0755 "$pkg_prefix/bin/bash"
  ln -s bash "$pkg_prefix/bin/sh"
}

# A static binary from upstream: keep it as it came.
do_strip() { return 0; }
