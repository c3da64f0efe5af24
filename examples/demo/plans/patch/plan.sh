# GNU patch, compiled from its upstream release by the stage2 toolchain (demo/tcc, demo/make) with
# the default callbacks: unpack (by the studio's GNU tar: the release is in the old tar format),
# ./configure --prefix && make, make install.
pkg_name=patch
pkg_origin=demo
pkg_version=2.7.6
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU patch"
pkg_upstream_url=https://savannah.gnu.org/projects/patch/
pkg_source=https://ftp.gnu.org/gnu/patch/patch-2.7.6.tar.xz
pkg_shasum=ac610bda97abe0d9f6b7c963255a11dcb196c25e337c61f94e4778d632f1d8fd
pkg_dirname=patch-2.7.6
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_check() {
  printf "a\n" >check.txt && printf -- "--- check.txt\n+++ check.txt\n@@ -1 +1 @@\n-a\n+b\n" | ./src/patch -s check.txt && [[ "$(cat check.txt)" == b ]]
}
