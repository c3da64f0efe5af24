# For old kernels: no HTTP/2 (nghttp2 needs a newer kernel here).
source ../plan.sh
pkg_deps=(core/cacerts core/glibc core/openssl core/zlib)
