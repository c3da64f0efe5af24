. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../base" && pwd)/plan.sh"
pkg_name=nested
