pkg_name=iana-etc
pkg_origin=core
pkg_version=1.0.0
pkg_license=('MIT')
pkg_source="https://example.org/${pkg_name}/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
pkg_deps=(

)
pkg_build_deps=(

)
pkg_lib_dirs=(lib)
pkg_include_dirs=(include)
