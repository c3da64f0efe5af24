# download_file's cache semantics, with a file:// URL inside the studio.
pkg_name=download
pkg_origin=conformance
pkg_version=1.0
pkg_source=file:///src/data.txt
pkg_shasum=@DATA_SHA@
do_download() {
  echo "STEP fresh"
  download_file "$pkg_source" data.txt
  echo "STEP cached-valid"
  download_file "$pkg_source" data.txt "$pkg_shasum"
  echo "STEP cached-invalid"
  echo corrupted >"$HAB_CACHE_SRC_PATH/data.txt"
  download_file "$pkg_source" data.txt "$pkg_shasum"
  echo "STEP no-shasum"
  download_file "$pkg_source" data.txt
  echo "STEP shasum-no-local-file"
  rm -f "$HAB_CACHE_SRC_PATH/data.txt"
  download_file "$pkg_source" data.txt "$pkg_shasum"
  echo "download_file returned $?"
  echo "STEP done"
}
do_verify() { verify_file data.txt "$pkg_shasum"; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  cp "$HAB_CACHE_SRC_PATH/data.txt" "$pkg_prefix/data.txt"
  # A plan with its own do_download gets the network.
  tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort >"$pkg_prefix/interfaces"
}
