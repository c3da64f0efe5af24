pkg_name=python
pkg_distname=Python
pkg_origin=core
pkg_version=3.10.7
pkg_license=('Python-2.0')
pkg_source="https://www.python.org/ftp/python/${pkg_version}/${pkg_distname}-${pkg_version}.tgz"
pkg_shasum=0404040404040404040404040404040404040404040404040404040404040404
pkg_dirname="${pkg_distname}-${pkg_version}"
pkg_deps=(
  core/bzip2
  core/gcc-libs
  core/gdbm
  core/glibc
  core/libffi
  core/ncurses
  core/openssl
  core/readline
  core/sqlite
  core/zlib
)
# xz adds the lzma module.
for _extra in xz expat; do
  pkg_deps+=("core/${_extra}")
done
pkg_build_deps=(core/gcc core/linux-headers core/make core/pkg-config)
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/python bin/python3)

do_build() {
  ./configure --prefix="$pkg_prefix" \
    --enable-shared \
    --with-ensurepip
  make
}
