pkg_name=openssl
_distname="$pkg_name"
pkg_origin=core
pkg_version=1.1.1q
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_description="\
OpenSSL is an open source project that provides a robust, commercial-grade, \
and full-featured toolkit for the Transport Layer Security (TLS) and Secure \
Sockets Layer (SSL) protocols.\
"
pkg_license=('OpenSSL')
pkg_source="https://www.openssl.org/source/${_distname}-${pkg_version}.tar.gz"
pkg_shasum=0101010101010101010101010101010101010101010101010101010101010101
pkg_dirname="${_distname}-${pkg_version}"
pkg_deps=(
  core/glibc
  core/zlib
  core/cacerts    # the CA bundle openssl points at
)
pkg_build_deps=(
  core/coreutils
  core/gcc
  core/make
  core/sed
  core/grep
  core/perl
)
pkg_bin_dirs=(bin)
pkg_include_dirs=(include)
pkg_lib_dirs=(lib)
pkg_pconfig_dirs=(lib/pkgconfig)
_separator=$'\t'

do_prepare() {
  export BUILD_CC=gcc
  sed -i \
    -e "s,'File::Glob' => qw/glob/;,'File::Glob' => qw/:glob/;,g" \
    test/build.info
}

do_build() {
  "$(pkg_path_for core/perl)/bin/perl" ./Configure \
    --prefix="${pkg_prefix}" \
    --openssldir=ssl \
    no-idea no-mdc2 no-rc5 \
    zlib-dynamic \
    linux-x86_64
  make -j"$(nproc)"
}
