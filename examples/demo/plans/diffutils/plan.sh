# GNU diffutils: diff, cmp, diff3, sdiff, compiled from its upstream release by the stage2
# toolchain (demo/tcc, demo/make) with the default callbacks: unpack (by the studio's GNU tar: the
# release is in the old tar format), ./configure --prefix && make, make install.
pkg_name=diffutils
pkg_origin=demo
pkg_version=3.8
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU diffutils: diff, cmp, diff3, sdiff"
pkg_upstream_url=https://www.gnu.org/software/diffutils/
pkg_source=https://ftp.gnu.org/gnu/diffutils/diffutils-3.8.tar.xz
pkg_shasum=a6bdd7d1b31266d11c4f4de6c1b748d4607ab0231af5188fc2533d0ae2438fec
pkg_dirname=diffutils-3.8
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_check() {
  echo a >check.a && echo b >check.b && ! ./src/diff check.a check.b >/dev/null && ./src/cmp check.a check.a
}
