# GNU make, run through demo/glibc's loader so that it needs nothing from /tools or the host.
pkg_name=make
pkg_origin=demo
pkg_version=4.3
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU make."
pkg_source=nothing-to-download
pkg_deps=(demo/glibc demo/bash)
pkg_bin_dirs=(bin)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(demo/make)
fi

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  local from=/tools/bin/make
  if [[ "$STUDIO_TYPE" != "stage1" ]]; then
    from="$(pkg_path_for demo/make)/libexec/make"
  fi
  mkdir -p "$pkg_prefix/libexec" "$pkg_prefix/bin"
  cp "$from" "$pkg_prefix/libexec/make"
  chmod 0755 "$pkg_prefix/libexec/make"
  local glibc
  glibc="$(pkg_path_for demo/glibc)"
  # The binary still names the host's loader; calling ours directly makes that moot.
  cat >"$pkg_prefix/bin/make" <<WRAPPER
#!/bin/sh
exec $glibc/lib/ld-linux-x86-64.so.2 --library-path $glibc/lib $pkg_prefix/libexec/make "\$@"
WRAPPER
  chmod 0755 "$pkg_prefix/bin/make"
  fix_interpreter "$pkg_prefix/bin/make" demo/bash bin/sh
}

do_strip() { return 0; }
