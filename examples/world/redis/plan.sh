pkg_name=redis
pkg_origin=core
pkg_version=7.0.4
pkg_license=('BSD-3-Clause')
pkg_source="http://download.redis.io/releases/${pkg_name}-${pkg_version}.tar.gz"
pkg_shasum=0707070707070707070707070707070707070707070707070707070707070707
pkg_deps=(core/glibc)
pkg_build_deps=(core/gcc core/make)
# jemalloc only where the allocator helps; the reader cannot know the machine (use --eval).
if [[ "$(uname -m)" == "aarch64" ]]; then
  pkg_deps+=(core/jemalloc)
fi
pkg_bin_dirs=(bin)
pkg_svc_run="redis-server $pkg_svc_config_path/redis.config"
