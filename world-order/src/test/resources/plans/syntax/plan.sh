# Bash a reader must step over without losing its way.
pkg_name=syntax
pkg_origin=core
pkg_version=1.0 # trailing comment
pkg_svc_run="bin/haproxy -f $pkg_svc_config_path/haproxy.conf"
pkg_exports=(
  [port]=srv.port
  [host]=srv.host
)
trap 'rm -f "$tmp"' EXIT
for ((i = 0; i < 3; i++)); do
  :
done
(( total = 1 + 2 ))
_jobs="$(( $(nproc) + 1 ))"
if [[ $pkg_version =~ ^([0-9]+)\.([0-9]+)$ ]]; then
  pkg_deps=(core/regex-matched)
fi
if ! command -v gcc >/dev/null; then
  echo "no gcc here" >&2
fi
function helper {
  case "$1" in
    *) echo "{ ( $'\'' " ;;
  esac
}
do_build() ( cd src && make )
cat > /dev/null <<'DOC'
pkg_deps=(core/not-a-dep)  ) ( } {
DOC
pkg_deps+=(core/after-heredoc)
readonly _base=core
declare -a pkg_build_deps=("$_base/gcc" "${_base}/make")
export pkg_scaffolding="${_base}/scaffolding-base"
[ "$STUDIO_TYPE" = stage1 ] && pkg_build_deps+=(core/stage1-extra)
