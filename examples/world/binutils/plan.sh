pkg_name=binutils
pkg_origin=core
pkg_version=2.39
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.bz2"
pkg_shasum=4444444444444444444444444444444444444444444444444444444444444444
pkg_deps=(
  core/glibc
  core/zlib
)
pkg_build_deps=(
  core/gcc   # builds itself with the previous compiler: the toolchain cycle
  core/make
)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

do_build() {
  ./configure --prefix="$pkg_prefix" \
    --enable-shared \
    --enable-gold=yes \
    --with-system-zlib
  make tooldir="$pkg_prefix"
}
