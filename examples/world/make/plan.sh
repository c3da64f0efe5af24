pkg_name=make
pkg_origin=core
pkg_version=4.3
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
pkg_deps=(core/glibc)
if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(core/gcc core/binutils)
fi
pkg_bin_dirs=(bin)
