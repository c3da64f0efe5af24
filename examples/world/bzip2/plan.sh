pkg_name=bzip2
pkg_origin=core
pkg_version=1.0.8
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
pkg_deps=(core/glibc)
pkg_build_deps=(core/gcc core/binutils core/make)
pkg_bin_dirs=(bin)

do_build() {
  ./configure --prefix="$pkg_prefix"
  make
}
