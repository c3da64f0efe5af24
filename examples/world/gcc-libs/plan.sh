# The runtime half of gcc: built from the same source, so it borrows gcc's settings.
source ../gcc/plan.sh

pkg_name=gcc-libs
pkg_description="Runtime libraries shipped by GCC."
pkg_deps=(core/glibc)
pkg_build_deps=(
  core/gcc
  core/patchelf
)
pkg_bin_dirs=()
pkg_include_dirs=()

do_install() {
  cp -av "$(pkg_path_for gcc)/lib/libgcc_s.so"* "$pkg_prefix/lib/"
}
