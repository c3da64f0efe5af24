# Built in a default studio: only the backline's programs, no /tools.
pkg_name=stage2-hello
pkg_origin=kilntest
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  { echo "studio=$STUDIO_TYPE"; test -e /tools || echo "no-tools"; readlink /bin/bash; } \
    >"$pkg_prefix/report"
}
