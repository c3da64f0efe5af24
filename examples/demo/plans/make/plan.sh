# GNU make, compiled from source without make and without configure: the make-dfsg source has no
# configure script and the distribution has no autoconf, so config.h (beside this plan) states
# what configure would find on demo/glibc, and do_build compiles the sources one by one, as a
# bootstrap must before it has a make.
pkg_name=make
pkg_origin=demo
pkg_version=4.3
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('GPL-3.0-or-later')
pkg_description="GNU make."
pkg_upstream_url=https://www.gnu.org/software/make/
# Debian's repack of make 4.3 (documents under the GFDL and the generated build files removed),
# from its source package make-dfsg; no URL gives these bytes, so kiln finds it in a source
# mirror only (bin/setup fills the demo's).
pkg_source=make-dfsg_4.3.orig.tar.gz
pkg_shasum=be4c17542578824e745f83bcd2a9ba264206187247cb6a5f5df99b0a9d1f9047
pkg_dirname=make-dfsg-4.3
pkg_deps=(demo/glibc)
pkg_bin_dirs=(bin)

pkg_build_deps=(demo/tcc)

# make_SRCS of Makefile.am for a POSIX system without Guile, remote jobs or loadable objects.
_sources=(ar arscan commands default dir expand file function getopt getopt1 guile hash
  implicit job load loadapi main misc output read remake rule signame strcache variable
  version vpath posixos remote-stub)

do_build() {
  cp "$PLAN_CONTEXT/config.h" src/config.h
  local source objects=()
  for source in "${_sources[@]}"; do
    cc -c -DHAVE_CONFIG_H -Isrc -Ilib -DLOCALEDIR=\"/nonexistent\" \
      -DLIBDIR=\"$pkg_prefix/lib\" -DINCLUDEDIR=\"$pkg_prefix/include\" \
      -o "src/$source.o" "src/$source.c"
    objects+=("src/$source.o")
  done
  cc -o make "${objects[@]}"
}

do_check() {
  printf 'all: a b\n\t@echo make works: $(words $^)\na b:\n\t@true\n' >check.mk
  ./make -j2 -f check.mk
}

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp make "$pkg_prefix/bin/make"
  chmod 0755 "$pkg_prefix/bin/make"
}
