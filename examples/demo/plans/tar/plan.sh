# GNU tar, compiled from source: busybox's tar refuses the old (v7) archive format that many GNU
# release tarballs use, so the world's plans unpack with this one.
pkg_name=tar
pkg_origin=demo
pkg_version=1.34
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU tar."
pkg_upstream_url=https://www.gnu.org/software/tar/
# Debian's repack of tar 1.34 (documents under the GFDL removed), from its source package tar;
# no URL gives these bytes, so kiln finds it in a source mirror only (bin/setup fills the
# demo's).
pkg_source=tar_1.34+dfsg.orig.tar.xz
pkg_shasum=7d57029540cb928394defb3b377b3531237c947e795b51aa8acac0c5ba0e4844
pkg_dirname=tar-1.34+dfsg
pkg_deps=(demo/glibc)
pkg_bin_dirs=(bin)

pkg_build_deps=(demo/tcc demo/make)

do_build() {
  # tcc lacks C11's max_align_t, which gnulib's stddef.h replacement expects. configure refuses
  # to run as root without FORCE_UNSAFE_CONFIGURE (studios run as root).
  FORCE_UNSAFE_CONFIGURE=1 acl_cv_path_LD=cc CC=cc CPPFLAGS="${CPPFLAGS:-} -Dmax_align_t=double" \
    ./configure --prefix="$pkg_prefix" --disable-nls
  make -j2
}

do_check() {
  mkdir -p check/in && echo hello >check/in/file
  ./src/tar -cf check/t.tar -C check in && ./src/tar -tf check/t.tar | grep -qx in/file
}

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp src/tar "$pkg_prefix/bin/tar"
  chmod 0755 "$pkg_prefix/bin/tar"
}
