# Sources a shared settings file that was deleted: kiln reports it and leaves the plan out.
source ../shared/settings.sh
pkg_name=broken
pkg_origin=core
pkg_version=0.0.1
