# Every utility function of the guide.
pkg_name=utilities
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
pkg_deps=(conformance/interp)
DEBUG=1
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() {
  build_line "a build line from the plan"
  warn "a warning from the plan"
  debug "a debug line from the plan"
  attach
}
do_install() {
  local out=$pkg_prefix/results
  echo "pkg_path_for=$(pkg_path_for conformance/interp)" >>"$out"
  echo "pkg_path_for_missing=$(pkg_path_for conformance/nothing >/dev/null 2>&1; echo $?)" >>"$out"
  echo "interpreter=$(pkg_interpreter_for conformance/interp bin/tool)" >>"$out"
  echo "interpreter_missing=$(pkg_interpreter_for conformance/interp bin/none >/dev/null 2>&1; echo $?)" >>"$out"
  mkdir -p "$pkg_prefix/dir"
  echo "abspath_rel=$(cd "$pkg_prefix" && abspath dir)" >>"$out"
  echo "abspath_file=$(cd "$pkg_prefix/dir" && abspath ../results)" >>"$out"
  echo "exists_bash=$(exists bash; echo $?)" >>"$out"
  echo "exists_nope=$(exists no-such-command; echo $?)" >>"$out"
  local padded="   a  b   "
  echo "trim=[$(trim "$padded")]" >>"$out"
  mkdir -p "$pkg_prefix/bin"
  printf '#!/usr/bin/tool\necho hi\n' >"$pkg_prefix/bin/one"
  printf '#!/usr/local/bin/tool -x\necho hi\n' >"$pkg_prefix/bin/two"
  chmod 0755 "$pkg_prefix/bin/one" "$pkg_prefix/bin/two"
  fix_interpreter "$pkg_prefix/bin/*" conformance/interp bin/tool
}
