# Default unpack of pkg_filename, whatever its extension.
pkg_name=unpack
pkg_origin=conformance
pkg_version=1.0
pkg_source=@URL@/@FILE@
pkg_shasum=@SHA@
pkg_dirname=payload
do_build() { return 0; }
do_install() {
  if [[ -d $HAB_CACHE_SRC_PATH/payload ]]; then
    cp "$HAB_CACHE_SRC_PATH/payload/hello.txt" "$pkg_prefix/hello.txt"
  else
    cp "$HAB_CACHE_SRC_PATH/payload" "$pkg_prefix/hello.txt"
  fi
}
