# An http source and no pkg_shasum, as the guide allows when do_verify is overridden: kiln
# fetches it on the host all the same, and the default download uses that copy (the studio has
# no network). @VERIFY@ is the plan's own do_verify, or nothing to keep the default.
pkg_name=noshasum
pkg_origin=conformance
pkg_version=1.0
pkg_source=@URL@/hello-1.0.tar.gz
pkg_dirname=hello-1.0
@VERIFY@
do_build() { return 0; }
do_install() {
  cp hello.c "$pkg_prefix/hello.c"
  tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort >"$pkg_prefix/interfaces"
}
