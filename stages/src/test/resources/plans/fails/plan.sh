# Fails in the callback named by FAIL_IN (substituted by the test).
pkg_name=fails
pkg_origin=conformance
pkg_version=1.0
pkg_source=none
FAIL_IN=@FAIL_IN@
step() { if [[ $1 == "$FAIL_IN" ]]; then echo "failing in $1"; false; fi; return 0; }
for cb in do_begin do_setup_environment do_before do_download do_verify do_clean do_unpack \
  do_prepare do_build do_check do_install do_build_config do_build_service do_strip do_after \
  do_end do_after_success; do
  eval "$cb() { step $cb; }"
done
do_after_failure() { echo "AFTER_FAILURE ran"; }
