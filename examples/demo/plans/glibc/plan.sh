# The C library: the runtime every dynamically linked program of the distribution loads, and
# what the compiler links against. Taken from the tools in stage1, from itself after that.
pkg_name=glibc
pkg_origin=demo
pkg_version=2.36
pkg_maintainer="kiln demo <demo@kiln.invalid>"
pkg_license=('LGPL-2.1-or-later')
pkg_description="The GNU C library: loader, shared and static libraries, start files, headers."
pkg_source=nothing-to-download
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)

if [[ "$STUDIO_TYPE" != "stage1" ]]; then
  pkg_build_deps=(demo/glibc)
fi

_runtime=(ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0)
_devel=(crt1.o crti.o crtn.o Scrt1.o libc.a libc_nonshared.a libm.a libpthread.a libdl.a)

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }

do_install() {
  local from=/tools
  if [[ "$STUDIO_TYPE" != "stage1" ]]; then
    from="$(pkg_path_for demo/glibc)"
  fi
  mkdir -p "$pkg_prefix/lib" "$pkg_prefix/include"
  local file
  for file in "${_runtime[@]}" "${_devel[@]}"; do
    if [[ -e "$from/lib/$file" ]]; then
      cp -L "$from/lib/$file" "$pkg_prefix/lib/$file"
    fi
  done
  cp -R "$from/include/." "$pkg_prefix/include/"
  # libc.so is a linker script naming where the real libraries are: here, not /tools.
  local lib="$pkg_prefix/lib"
  echo "GROUP ( $lib/libc.so.6 $lib/libc_nonshared.a AS_NEEDED ( $lib/ld-linux-x86-64.so.2 ) )" \
    >"$lib/libc.so"
  ln -sf libm.so.6 "$lib/libm.so"
}

do_strip() { return 0; }
