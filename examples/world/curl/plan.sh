pkg_name=curl
pkg_origin=core
pkg_version=7.85.0
pkg_license=('curl')
pkg_source="https://curl.haxx.se/download/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=0202020202020202020202020202020202020202020202020202020202020202
pkg_deps=(core/cacerts core/glibc core/openssl core/zlib core/nghttp2)
pkg_build_deps=(core/gcc core/make core/coreutils core/perl core/pkg-config)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

do_build() {
  ./configure --prefix="${pkg_prefix}" \
    --with-ca-bundle="$(pkg_path_for cacerts)/ssl/certs/cacert.pem" \
    --with-ssl="$(pkg_path_for openssl)" \
    --with-zlib="$(pkg_path_for zlib)" \
    --disable-manual
  make
}
