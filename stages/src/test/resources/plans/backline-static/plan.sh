# A backline for default studios, made in a stage1 studio from the tools' static busybox and
# bash: the shell and basic utilities a later stage's studio takes its /bin from.
pkg_name=backline-static
pkg_origin=kilntest
pkg_version=1.0
pkg_source=none
pkg_bin_dirs=(bin)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp /tools/bin/busybox /tools/bin/bash "$pkg_prefix/bin/"
  for applet in $(/tools/bin/busybox --list); do
    [ -e "$pkg_prefix/bin/$applet" ] || ln -s busybox "$pkg_prefix/bin/$applet"
  done
}
do_strip() { return 0; }
