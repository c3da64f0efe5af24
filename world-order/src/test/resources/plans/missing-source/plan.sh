pkg_origin=core

source ../does-not-exist/plan.sh
pkg_name=missing-source
