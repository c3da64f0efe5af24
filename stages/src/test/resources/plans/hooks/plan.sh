# Hooks, config and default.toml are copied into the package.
pkg_name=hooked
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() { return 0; }
