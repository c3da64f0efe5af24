pkg_name=hello
pkg_origin=demo
pkg_version=1.4.2
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('MIT')
pkg_description="Says hello, through libgreet."
pkg_source=nothing-to-download
pkg_deps=(demo/glibc demo/libgreet)
pkg_build_deps=(demo/tcc demo/busybox)
pkg_bin_dirs=(bin)

do_download() { return 0; }
do_verify() { return 0; }

do_unpack() {
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
  cp -R "$PLAN_CONTEXT/src/." "$HAB_CACHE_SRC_PATH/$pkg_dirname/"
}

do_build() {
  cc $CFLAGS -o hello hello.c $LDFLAGS -lgreet
}

# Runs only with DO_CHECK=true (kiln.yaml's check: true, or kiln build --check).
do_check() {
  [ "$(./hello kiln)" = "Hello, kiln!" ] || exit_with "hello greeted wrongly: $(./hello kiln)" 1
  [ "$(GREET_LANGUAGE=de ./hello kiln)" = "Hallo, kiln!" ] || exit_with "no German greeting" 1
  build_line "hello greets as it should"
}

do_install() {
  mkdir -p "$pkg_prefix/bin"
  cp hello "$pkg_prefix/bin/hello"
  chmod 0755 "$pkg_prefix/bin/hello"
}
