source ../base/plan.sh
pkg_name=variant
pkg_deps+=(core/extra)
