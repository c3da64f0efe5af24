# Fails unless /root, /tmp and the source cache start empty: what leftovers-write left there
# must be gone. do_download is the first callback, before the build writes anything itself.
pkg_name=leftovers-check
pkg_origin=kilntest
pkg_version=1.0
pkg_source=none
do_download() {
  for dir in /root /tmp "$HAB_CACHE_SRC_PATH"; do
    if [ -n "$(ls -A "$dir")" ]; then
      echo "leftovers in $dir:" $(ls -A "$dir")
      return 1
    fi
  done
}
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() { echo "empty: /root /tmp $HAB_CACHE_SRC_PATH" >"$pkg_prefix/report"; }
