pkg_name=coreutils
pkg_origin=core
pkg_version=9.1
pkg_license=('GPL-3.0-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
pkg_deps=(core/glibc core/acl core/attr core/gmp core/libcap)
pkg_build_deps=(core/gcc core/binutils core/make core/m4 core/perl)
# acl, attr and libcap come later in the world; the stage1 coreutils does without them.
if [[ $STUDIO_TYPE == stage1 ]]; then
  pkg_deps=(core/glibc core/gmp)
fi
pkg_bin_dirs=(bin)
