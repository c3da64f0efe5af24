pkg_name=git
pkg_origin=core
pkg_version=2.37.3
pkg_license=('GPL-2.0-only')
pkg_source="https://www.kernel.org/pub/software/scm/git/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=0303030303030303030303030303030303030303030303030303030303030303
pkg_deps=(
  core/cacerts
  core/curl
  core/expat
  core/glibc
  core/openssl
  core/perl
  core/zlib
)
pkg_build_deps=(
  core/gcc
  core/make
  core/gettext
)
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/git-shell)

do_prepare() {
  local perl_path
  perl_path="$(pkg_path_for perl)/bin/perl"
  sed -e "s#/usr/bin/perl#${perl_path}#" -i Makefile
}

do_build() {
  make prefix="$pkg_prefix" \
    CURLDIR="$(pkg_path_for curl)" \
    NO_GETTEXT=1 all
}
