# Default unpack of pkg_filename, whatever its extension.
pkg_name=unpack
pkg_origin=conformance
pkg_version=1.0
pkg_source=@URL@/@FILE@
pkg_shasum=@SHA@
pkg_dirname=payload
do_build() { return 0; }
do_install() {
  # The network interfaces the build sees: only lo, as the default download needs no network.
  tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort >"$pkg_prefix/interfaces"
  # Archives hold payload/hello.txt; single compressed files are hello.txt.EXT.
  if [[ -f $HAB_CACHE_SRC_PATH/payload/hello.txt ]]; then
    cp "$HAB_CACHE_SRC_PATH/payload/hello.txt" "$pkg_prefix/hello.txt"
  else
    cp "$HAB_CACHE_SRC_PATH/hello.txt" "$pkg_prefix/hello.txt"
  fi
}
