# A plan that downloads by itself, as the demo plans do: it gets the network only when its
# pkg_source is a remote URL (and --network is not never).
pkg_name=owndownload
pkg_origin=conformance
pkg_version=1.0
pkg_source=@SOURCE@
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort >"$pkg_prefix/interfaces"
}
