# Leaves files where a build may write outside its prefix: /root, /tmp and the source cache.
# The build after it (leftovers-check) must not see any of them.
pkg_name=leftovers-write
pkg_origin=kilntest
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() {
  echo left >/root/left-in-root
  echo left >/tmp/left-in-tmp
  echo left >"$HAB_CACHE_SRC_PATH/left-in-src-cache"
}
do_install() { ls -A /root /tmp "$HAB_CACHE_SRC_PATH" >"$pkg_prefix/wrote"; }
