# Every basic setting of the plan syntax guide, no source to download.
pkg_name=settings
pkg_origin=conformance
pkg_version=1.2.3
pkg_maintainer="Test Maintainer <test@example.com>"
pkg_license=('Apache-2.0' 'Boost Software License')
pkg_description=$(cat <<DESC
  # Settings
  A package that sets every basic setting.
DESC
)
pkg_upstream_url=https://example.com/settings
pkg_source=nothing-to-download
pkg_lib_dirs=(lib lib64)
pkg_include_dirs=(include)
pkg_bin_dirs=(bin sbin)
pkg_pconfig_dirs=(lib/pkgconfig)
pkg_interpreters=(bin/tool)
pkg_exports=(
  [port]=server.port
  [host]=server.host
  [ssl-port]=ssl.port
)
pkg_exposes=(port ssl-port)
pkg_binds=(
  [database]="port host"
)
pkg_binds_optional=(
  [storage]="port host"
)
pkg_svc_run="bin/tool --config $pkg_svc_config_path/tool.conf"
pkg_svc_user=tooluser
pkg_svc_group=toolgroup

do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { return 0; }
do_build() { return 0; }
do_install() {
  mkdir -p "$pkg_prefix"/{bin,sbin,lib,lib64,include,lib/pkgconfig}
  printf '#!/bin/sh\necho tool\n' >"$pkg_prefix/bin/tool"
  chmod 0755 "$pkg_prefix/bin/tool"
}
