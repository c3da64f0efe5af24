# ministd is built twice in the base set: a first pass (FIRST_PASS=true) before demo/testkit
# exists, and a full pass after it, whose test suite runs under testkit when DO_CHECK is set.
pkg_name=ministd
pkg_origin=demo
pkg_version=1.0.0
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="String helpers shared by the demo's programs."
pkg_source=nothing-to-download
pkg_deps=(demo/glibc)
pkg_build_deps=(
  demo/tcc
  demo/busybox
)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

if [[ "${FIRST_PASS:-}" != "true" ]]; then
  pkg_build_deps+=(demo/testkit)

  do_check() {
    cc -o check_ministd check_ministd.c -L. -lministd -Wl,-rpath="$PWD"
    testkit ./check_ministd
  }
fi

do_download() { return 0; }
do_verify() { return 0; }

do_unpack() {
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
  cp -R "$PLAN_CONTEXT/src/." "$HAB_CACHE_SRC_PATH/$pkg_dirname/"
}

do_build() {
  cc -shared -fPIC -o libministd.so ministd.c
}

do_install() {
  mkdir -p "$pkg_prefix/lib"
  cp libministd.so "$pkg_prefix/lib/libministd.so"
  chmod 0755 "$pkg_prefix/lib/libministd.so"
  mkdir -p "$pkg_prefix/include"
  cp ministd.h "$pkg_prefix/include/ministd.h"
  chmod 0644 "$pkg_prefix/include/ministd.h"
}
