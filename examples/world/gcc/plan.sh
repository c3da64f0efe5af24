pkg_name=gcc
pkg_origin=core
pkg_version=12.2.0
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_license=('GPL-2.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=8888888888888888888888888888888888888888888888888888888888888888
pkg_deps=(
  core/glibc
  core/zlib
  core/gmp
  core/mpfr
  core/libmpc
  core/binutils
)
pkg_build_deps=(
  core/m4
  core/make
  core/patchelf
)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib lib64)
pkg_include_dirs=(include)

do_prepare() {
  local glibc
  glibc="$(pkg_path_for glibc)"
  export CPPFLAGS="$CPPFLAGS -I$glibc/include"
}

do_build() {
  mkdir -p ../build
  pushd ../build > /dev/null
  "../$pkg_dirname/configure" \
    --prefix="$pkg_prefix" \
    --enable-languages=c,c++ \
    --disable-multilib
  make
  popd > /dev/null
}
