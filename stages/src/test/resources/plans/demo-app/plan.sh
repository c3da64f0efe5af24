# A program linking libdemo: its CFLAGS, LDFLAGS and PATH come from libdemo's metadata.
pkg_name=demo-app
pkg_origin=conformance
pkg_version=1.1
pkg_source=@URL@/demo-app-1.1.tar.gz
pkg_shasum=@SHA@
pkg_deps=(conformance/libdemo)
pkg_bin_dirs=(bin)
do_build() {
  echo "building with CFLAGS=$CFLAGS LDFLAGS=$LDFLAGS"
  echo "libdemo-version says: $(libdemo-version)"
  make CC=cc
}
do_install() { make install PREFIX="$pkg_prefix"; }
