pkg_name=nginx
pkg_origin=core
pkg_version=1.23.1
pkg_license=('BSD-2-Clause')
pkg_source="https://nginx.org/download/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=0505050505050505050505050505050505050505050505050505050505050505
pkg_deps=(core/glibc core/openssl core/pcre2 core/zlib)
pkg_build_deps=(core/gcc core/make core/coreutils)
pkg_svc_run="nginx"
pkg_svc_user="root"
pkg_exports=(
  [port]=http.listen.port
)
pkg_exposes=(port)
pkg_binds_optional=(
  [backend]="port"
)
