pkg_name=linux-headers
pkg_origin=core
pkg_version=5.19.8
pkg_maintainer="The Kiln Maintainers <maintainers@example.org>"
pkg_license=('gplv2')
pkg_source="https://cdn.kernel.org/pub/linux/kernel/v5.x/linux-${pkg_version}.tar.xz"
pkg_shasum=0000000000000000000000000000000000000000000000000000000000000000
pkg_dirname="linux-${pkg_version}"
pkg_deps=()
pkg_build_deps=()
pkg_include_dirs=(include)

do_build() {
  make headers ARCH=x86
}

do_install() {
  find usr/include -name '.*' -delete
  cp -rv usr/include "$pkg_prefix"
}
