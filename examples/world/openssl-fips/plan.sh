# The FIPS build of openssl: same source and settings, one more dependency.
source "$(dirname "${BASH_SOURCE[0]}")/../openssl/plan.sh"

pkg_name=openssl-fips
pkg_description="OpenSSL built with the FIPS provider enabled."
pkg_deps+=(core/openssl-fips-module)
pkg_build_deps=("${pkg_build_deps[@]}" core/patchelf)

do_build() {
  ./Configure --prefix="${pkg_prefix}" enable-fips linux-x86_64
  make
}
