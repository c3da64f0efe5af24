# Prints, then hangs in do_build: the studio must kill it at a limit.
pkg_name=sleeper
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() {
  echo "about to hang"
  sleep 600
}
