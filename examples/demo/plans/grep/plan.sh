# GNU grep, compiled from its upstream release by the stage2 toolchain (demo/tcc, demo/make) with
# the default callbacks: unpack (by the studio's GNU tar: the release is in the old tar format),
# ./configure --prefix && make, make install.
pkg_name=grep
pkg_origin=demo
pkg_version=3.8
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU grep"
pkg_upstream_url=https://www.gnu.org/software/grep/
pkg_source=https://ftp.gnu.org/gnu/grep/grep-3.8.tar.xz
pkg_shasum=498d7cc1b4fb081904d87343febb73475cf771e424fb7e6141aff66013abc382
pkg_dirname=grep-3.8
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_check() {
  [[ "$(printf "a\nkiln\nb\n" | ./src/grep -c "^k")" == 1 ]]
}
