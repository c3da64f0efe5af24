pkg_name=hello-go
pkg_origin=core
pkg_version=0.1.0
pkg_license=('Apache-2.0')
pkg_scaffolding=core/scaffolding-go
scaffolding_go_base_path=github.com/kiln-example
pkg_source="https://${scaffolding_go_base_path}/${pkg_name}"
pkg_bin_dirs=(bin)
