# GNU gzip, compiled from its upstream release by the stage2 toolchain (demo/tcc, demo/make) with
# the default callbacks: unpack (by the studio's GNU tar: the release is in the old tar format),
# ./configure --prefix && make, make install.
pkg_name=gzip
pkg_origin=demo
pkg_version=1.12
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU gzip"
pkg_upstream_url=https://www.gnu.org/software/gzip/
pkg_source=https://ftp.gnu.org/gnu/gzip/gzip-1.12.tar.xz
pkg_shasum=ce5e03e519f637e1f814011ace35c4f87b33c0bbabeec35baf5fbd3479e91956
pkg_dirname=gzip-1.12
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_check() {
  [[ "$(echo kiln | ./gzip -c | ./gzip -dc)" == kiln ]]
}
