# Depends on dep-lib at run time (origin/name) and dep-tool at build time (origin/name/version),
# and records the build environment composed from them.
pkg_name=dep-user
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_deps=(conformance/dep-lib)
pkg_build_deps=(conformance/dep-tool/1.0)
pkg_bin_dirs=(bin)
pkg_lib_dirs=(lib)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  local out=$pkg_prefix/env
  for var in PATH CFLAGS CPPFLAGS CXXFLAGS LDFLAGS LD_RUN_PATH PKG_CONFIG_PATH PREFIX; do
    echo "$var=${!var}" >>"$out"
  done
  echo "tool=$(dep-tool) $(dep-lib-tool)" >>"$out"
  echo "pkgs=$(cd /hab/pkgs && echo */*)" >>"$out"
}
