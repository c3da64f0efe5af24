# A C library built the classic way: the default do_build (./configure --prefix && make) and
# the default do_install (make install).
pkg_name=libgreet
pkg_origin=demo
pkg_version=2.1.0
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="Greetings in a few languages."
pkg_upstream_url=https://kiln.invalid/libgreet
pkg_source=nothing-to-download
pkg_deps=(demo/glibc)
pkg_build_deps=(
  demo/tcc       # cc
  demo/make
  demo/busybox   # mkdir, cp
  demo/bash      # runs ./configure
)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

do_download() { return 0; }
do_verify() { return 0; }

do_unpack() {
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
  cp -R "$PLAN_CONTEXT/src/." "$HAB_CACHE_SRC_PATH/$pkg_dirname/"
}

do_prepare() {
  # configure is run as ./configure: its #!/bin/sh must name the studio's shell.
  fix_interpreter configure demo/bash bin/sh
}
