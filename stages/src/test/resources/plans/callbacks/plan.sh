# Every callback says when it runs.
pkg_name=callbacks
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
say() { echo "CALLBACK $1"; }
do_begin() { say do_begin; }
do_setup_environment() { say do_setup_environment; }
do_before() { say do_before; }
do_download() { say do_download; }
do_verify() { say do_verify; }
do_clean() { say do_clean; }
do_unpack() { say do_unpack; }
do_prepare() { say do_prepare; }
do_build() { say do_build; }
do_check() { say do_check; }
do_install() { say do_install; }
do_build_config() { say do_build_config; }
do_build_service() { say do_build_service; }
do_strip() { say do_strip; }
do_after() { say do_after; }
do_end() { say do_end; }
do_after_success() { say do_after_success; }
do_after_failure() { say do_after_failure; }
