pkg_name=cacerts
pkg_origin=core
pkg_version=_set_from_downloaded_cacerts_file_
pkg_license=('MPL-2.0')
pkg_source=http://curl.haxx.se/ca/cacert.pem
pkg_shasum=nopenopenopenopenopenopenopenopenopenopenopenopenopenopenopenope
pkg_deps=()
pkg_build_deps=()

do_download() {
  do_default_download
  update_pkg_version
}

pkg_version() {
  grep 'Certificate data from Mozilla as of' "$HAB_CACHE_SRC_PATH/$pkg_filename" \
    | sed 's/^## Certificate data from Mozilla as of: //'
}

do_unpack() {
  mkdir -p "$HAB_CACHE_SRC_PATH/$pkg_dirname"
}
