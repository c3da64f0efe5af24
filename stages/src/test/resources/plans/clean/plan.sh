# The default do_clean: a stale $pkg_dirname in the source cache is removed before unpacking.
pkg_name=clean
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
do_before() {
  mkdir -p "$CACHE_PATH"
  echo "left over from an earlier build" >"$CACHE_PATH/stale.txt"
}
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() {
  if [[ -e $CACHE_PATH/stale.txt ]]; then state=present; else state=removed; fi
  echo "$state" >"$HAB_CACHE_SRC_PATH/after-clean"
}
do_build() { return 0; }
do_install() { cp "$HAB_CACHE_SRC_PATH/after-clean" "$pkg_prefix/after-clean"; }
