pkg_name=m4
pkg_origin=core
pkg_version=1.4.19
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=3333333333333333333333333333333333333333333333333333333333333333
pkg_deps=(core/glibc)
pkg_build_deps=(
  core/binutils
  core/gcc
)
pkg_bin_dirs=(bin)

do_check() {
  make check
}
