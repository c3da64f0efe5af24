# debug is silent without DEBUG; warn writes to standard error (fd 2), build_line to standard
# output. The build log merges both streams, so the plan redirects them itself.
pkg_name=messages
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() {
  debug "a debug line nobody asked for"
  warn "a warning sent to /dev/null" 2>/dev/null
  build_line "a build line with stderr closed" 2>/dev/null
}
do_install() {
  local out=$pkg_prefix/results
  echo "warn_stdout=[$(warn "only on stderr" 2>/dev/null)]" >>"$out"
  echo "warn_stderr=[$(warn "only on stderr" 2>&1 >/dev/null)]" >>"$out"
  echo "build_line_stdout=[$(build_line "on stdout" 2>/dev/null)]" >>"$out"
  echo "debug_output=[$(debug "silent" 2>&1)]" >>"$out"
}
