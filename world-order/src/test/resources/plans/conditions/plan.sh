pkg_name=conditions
pkg_origin=core
pkg_version=1.0
pkg_deps=(core/glibc)
if [[ "$STUDIO_TYPE" = "stage1" ]]; then
  pkg_build_deps=(core/stage1-gcc)
elif [ "$STUDIO_TYPE" == "stage2" ]; then
  pkg_build_deps=(core/stage2-gcc)
else
  pkg_build_deps=(core/gcc)
fi
if [[ -n "${FIRST_PASS:-}" ]] && [[ $STUDIO_TYPE != default ]]; then
  :
else
  pkg_deps+=(core/gcc-libs)
fi
test "$STUDIO_TYPE" = stage1 || pkg_deps+=(core/not-stage1)
[[ $STUDIO_TYPE == stage* ]] && pkg_deps+=(core/any-stage)
case "$STUDIO_TYPE" in
  stage1|stage2) pkg_deps+=(core/bootstrap-tools) ;;
  *) ;;
esac
for _lib in ncurses readline; do
  pkg_deps+=("core/${_lib}")
done
