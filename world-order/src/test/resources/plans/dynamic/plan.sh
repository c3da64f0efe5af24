pkg_name=dynamic
pkg_origin=core
pkg_deps=(core/glibc core/$(uname -m)-tools)
if [[ "$(uname -m)" == aarch64 ]]; then
  pkg_deps+=(core/arm-only)
fi
if [[ $CUSTOM_FLAG == yes ]]; then
  pkg_build_deps=(core/custom)
fi
pkg_source="https://example.org/$(date +%s).tar.gz"
