pkg_name=glibc
pkg_origin=core
pkg_version=2.36
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_description="The GNU C Library"
pkg_license=('GPL-2.0-or-later' 'LGPL-2.1-or-later')
pkg_source="http://ftp.gnu.org/gnu/$pkg_name/${pkg_name}-${pkg_version}.tar.xz"
pkg_shasum=1111111111111111111111111111111111111111111111111111111111111111
pkg_deps=(core/linux-headers)
# In the stage1 studio the compiler comes from /tools; later it is a real package.
if [[ "$STUDIO_TYPE" = "stage1" ]]; then
  pkg_build_deps=()
else
  pkg_build_deps=(
    core/coreutils
    core/binutils
    core/gcc
    core/make
    core/perl
  )
fi
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib)

do_prepare() {
  # Keep ldd's shebang pointing at our bash.
  sed -i "s|^#! /bin/bash|#! $(pkg_path_for bash)/bin/bash|" elf/ldd.bash.in
}

do_build() {
  mkdir -p ../build && pushd ../build > /dev/null
  ../"$pkg_dirname"/configure \
    --prefix="$pkg_prefix" \
    --with-headers="$(pkg_path_for linux-headers)/include" \
    --enable-kernel=3.2
  make
  popd > /dev/null
}
