source "$(dirname "${BASH_SOURCE[0]}")/../base/plan.sh"
pkg_name="${pkg_name}-idiom"
pkg_deps=("${pkg_deps[@]}" core/more)
