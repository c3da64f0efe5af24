pkg_name=hello-kiln
pkg_origin=kiln
pkg_version=0.1.0
pkg_license=('Apache-2.0')
pkg_source="https://example.org/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=1313131313131313131313131313131313131313131313131313131313131313
pkg_deps=(core/glibc core/openssl)
pkg_build_deps=(core/gcc core/make)
