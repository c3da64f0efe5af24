pkg_name=patchelf
pkg_origin=core
pkg_version=0.15.0
pkg_license=('GPL-3.0-or-later')
pkg_source="https://github.com/NixOS/${pkg_name}/releases/download/${pkg_version}/${pkg_name}-${pkg_version}.tar.bz2"
pkg_shasum=9999999999999999999999999999999999999999999999999999999999999999
pkg_deps=(core/glibc)
pkg_build_deps=(core/gcc core/binutils core/make)
# The first pass links gcc's runtime statically; later passes use gcc-libs.
if [[ -z "${FIRST_PASS:-}" ]]; then
  pkg_deps+=(core/gcc-libs)
fi
pkg_bin_dirs=(bin)
