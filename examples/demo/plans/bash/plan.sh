# GNU bash, compiled from source: the studio shell from stage2 on (with busybox it is the
# default studio's backline), dynamically linked against demo/glibc.
pkg_name=bash
pkg_origin=demo
pkg_version=5.2.15
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU bash, the Bourne Again SHell."
pkg_upstream_url=https://www.gnu.org/software/bash/
# bash 5.2 with upstream's patches 1 to 15 applied, as Debian's source package bash ships it;
# no URL gives these bytes, so kiln finds it in a source mirror only (bin/setup fills the
# demo's).
pkg_source=bash_5.2.15.orig.tar.gz
pkg_shasum=7a315bc0e9d90713159e4390ec1096a41e4f33cd8cc3d1a749a8e5ad56600f51
pkg_dirname=bash-5.2.15
pkg_deps=(demo/glibc)
pkg_bin_dirs=(bin)
pkg_interpreters=(bin/bash bin/sh)

pkg_build_deps=(demo/tcc demo/make)

do_build() {
  # acl_cv_path_LD: configure looks for a separate linker; tcc links by itself.
  acl_cv_path_LD=cc CC=cc ./configure --prefix="$pkg_prefix" --without-bash-malloc \
    --disable-nls
  make -j2
}

do_check() {
  # Arithmetic, arrays and [[ =~ ]] (the plan build program relies on it).
  [[ "$(./bash -c 'echo "$((6 * 7)) ${BASH_VERSINFO[0]}"')" == "42 5" ]]
  ./bash -c '[[ kiln-2 =~ ^[a-z]+-([0-9])$ && ${BASH_REMATCH[1]} == 2 ]]'
}

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp bash "$pkg_prefix/bin/bash"
  chmod 0755 "$pkg_prefix/bin/bash"
  ln -s bash "$pkg_prefix/bin/sh"
}
