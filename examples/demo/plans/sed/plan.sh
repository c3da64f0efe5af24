# GNU sed, the stream editor, compiled from its upstream release by the stage2 toolchain
# (demo/tcc, demo/make) with the default callbacks: unpack (by the studio's GNU tar: the release
# is in the old tar format), ./configure --prefix && make, make install.
pkg_name=sed
pkg_origin=demo
pkg_version=4.9
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU sed, the stream editor"
pkg_upstream_url=https://www.gnu.org/software/sed/
pkg_source=https://ftp.gnu.org/gnu/sed/sed-4.9.tar.xz
pkg_shasum=6e226b732e1cd739464ad6862bd1a1aba42d7982922da7a53519631d24975181
pkg_dirname=sed-4.9
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_check() {
  [[ "$(echo hello world | ./sed/sed "s/world/kiln/")" == "hello kiln" ]]
}
