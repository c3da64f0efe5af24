# Records every variable the guide names, the working directories and the environment.
pkg_name=variables
pkg_origin=conformance
pkg_version=2.0
pkg_source=http://example.invalid/variables-2.0.tar.gz
pkg_lib_dirs=(lib)
pkg_bin_dirs=(bin)
do_download() { return 0; }
do_verify() { return 0; }
do_unpack() { mkdir -p "$CACHE_PATH"; }
do_build() { pwd >"$HAB_CACHE_SRC_PATH/build-cwd"; }
do_install() {
  local out=$pkg_prefix/vars
  for var in pkg_prefix pkg_dirname pkg_svc_path pkg_svc_data_path pkg_svc_files_path \
    pkg_svc_var_path pkg_svc_config_path pkg_svc_static_path HAB_CACHE_SRC_PATH \
    HAB_CACHE_ARTIFACT_PATH HAB_PKG_PATH PLAN_CONTEXT CFLAGS LDFLAGS PREFIX LD_RUN_PATH \
    pkg_svc_user pkg_svc_group pkg_filename pkg_release pkg_ident pkg_target STUDIO_TYPE \
    CACHE_PATH SRC_PATH; do
    echo "$var=${!var}" >>"$out"
  done
  echo "install_cwd=$(pwd)" >>"$out"
  echo "build_cwd=$(cat "$HAB_CACHE_SRC_PATH/build-cwd")" >>"$out"
  echo "umask=$(umask)" >>"$out"
  env | cut -d= -f1 | sort >"$pkg_prefix/env-names"
}
