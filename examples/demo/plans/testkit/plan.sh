# A tiny test runner. It needs ministd, and ministd's full pass needs it: the base set breaks
# that loop by building ministd twice (see base-plans.txt).
pkg_name=testkit
pkg_origin=demo
pkg_version=0.3.1
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="Runs test programs and sums up."
pkg_source=nothing-to-download
pkg_deps=(demo/glibc demo/ministd)
pkg_build_deps=(demo/tcc demo/busybox)
pkg_bin_dirs=(bin)

do_download() { return 0; }
do_verify() { return 0; }

do_unpack() {
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
  cp -R "$PLAN_CONTEXT/src/." "$HAB_CACHE_SRC_PATH/$pkg_dirname/"
}

do_build() {
  cc $CFLAGS -o testkit testkit.c $LDFLAGS -lministd
}

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp testkit "$pkg_prefix/bin/testkit"
  chmod 0755 "$pkg_prefix/bin/testkit"
}
