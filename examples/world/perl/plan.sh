pkg_name=perl
pkg_origin=core
pkg_version=5.36.0
pkg_license=('GPL-1.0-or-later' 'Artistic-1.0-Perl')
pkg_source="http://www.cpan.org/src/5.0/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
pkg_deps=(core/glibc core/zlib core/bzip2 core/gdbm core/db core/coreutils core/less)
pkg_build_deps=(core/gcc core/binutils core/make core/sed core/grep)
case "$STUDIO_TYPE" in
  stage1|stage2)
    # gdbm, db and less are world plans: the bootstrap perl goes without.
    pkg_deps=(core/glibc core/zlib core/bzip2 core/coreutils)
    ;;
  *)
    ;;
esac
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib/perl5/${pkg_version}/x86_64-linux/CORE)
pkg_interpreters=(bin/perl)

do_prepare() {
  # Make Configure find the libraries of the packages we depend on.
  sed -i "s|/usr/lib|$(pkg_path_for glibc)/lib|g" Configure
}

do_build() {
  sh Configure -de -Dprefix="$pkg_prefix" -Dcc=gcc \
    -Dlocincpth="$(pkg_path_for zlib)/include" \
    -Duseshrplib
  make -j"$(nproc)"
}
