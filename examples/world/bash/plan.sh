pkg_name=bash
pkg_origin=core
_base_version=5.1
pkg_version=${_base_version}.16
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${_base_version}.tar.gz"
pkg_shasum=cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
pkg_deps=(core/glibc core/ncurses core/readline)
pkg_build_deps=(core/gcc core/binutils core/make core/patchelf)
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/sh bin/bash)

do_build() {
  ./configure --prefix="$pkg_prefix" \
    --with-installed-readline="$(pkg_path_for readline)"
  make
}
