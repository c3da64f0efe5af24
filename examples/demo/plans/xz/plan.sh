# XZ Utils: xz, the LZMA compressor, compiled from its upstream release by the stage2 toolchain
# (demo/tcc, demo/make) with the default callbacks but do_build: unpack (by the studio's GNU tar:
# the release is in the old tar format), ./configure --prefix --disable-shared && make, make
# install.
pkg_name=xz
pkg_origin=demo
pkg_version=5.4.1
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('0BSD')
pkg_description="XZ Utils: xz, the LZMA compressor"
pkg_upstream_url=https://tukaani.org/xz/
pkg_source=https://tukaani.org/xz/xz-5.4.1.tar.xz
pkg_shasum=5d9827aa1875b21c288f78864bb26d2650b436ea8d2cad364e4921eb6266a5a5
pkg_dirname=xz-5.4.1
pkg_deps=(demo/glibc)
pkg_build_deps=(demo/tcc demo/make)
pkg_bin_dirs=(bin)

do_prepare() {
  # tcc has no C11 max_align_t (gnulib's headers want one), and links without a separate ld;
  # the default do_build's make runs two jobs at once.
  export CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" acl_cv_path_LD=cc MAKEFLAGS=-j2
}

do_build() {
  # libtool looks for a separate linker too, and tcc's shared libraries are not what libtool
  # expects: the programs link liblzma statically.
  lt_cv_path_LD=cc ./configure --prefix="$pkg_prefix" --disable-shared
  make
}

do_check() {
  [[ "$(echo kiln | ./src/xz/xz -c | ./src/xz/xz -dc)" == kiln ]]
}
