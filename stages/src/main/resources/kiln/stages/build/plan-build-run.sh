# shellcheck shell=bash
# kiln's plan build program, part three: the build environment, the metadata files, and the
# run itself in the guide's callback order. Sourced by plan-build-phases.sh.

# Appends the entries of a ':'-separated list to the array named $1, skipping ones it has.
_kiln_add_paths() {
  local -n into=$1
  local entry have
  local IFS=:
  for entry in $2; do
    [[ -n $entry ]] || continue
    for have in "${into[@]}"; do [[ $have == "$entry" ]] && continue 2; done
    into+=("$entry")
  done
}

_kiln_join() {
  local IFS=$1
  shift
  echo "$*"
}

# The value of a metadata file of an installed package, or nothing.
_kiln_meta() {
  if [[ -f $HAB_PKG_PATH/$1/$2 ]]; then cat "$HAB_PKG_PATH/$1/$2" || true; fi
}

_kiln_prefixed() {
  local dir
  for dir in "${@:2}"; do printf '%s ' "$1$pkg_prefix/$dir"; done
}

# PATH, PREFIX, the compiler flags and LD_RUN_PATH composed from the dependencies.
_kiln_build_environment() {
  build_line "Setting the build environment"
  local path=() dir dep
  for dir in "${pkg_bin_dirs[@]}"; do path+=("$pkg_prefix/$dir"); done
  for dep in "${kiln_build_deps[@]}" "${kiln_deps[@]}" "${kiln_build_tdeps[@]}" \
    "${kiln_tdeps[@]}"; do
    _kiln_add_paths path "$(_kiln_meta "$dep" PATH)"
  done
  _kiln_add_paths path "$PATH"
  PATH=$(_kiln_join : "${path[@]}")
  local flag cflags=() cppflags=() cxxflags=() ldflags=() pkgconfig=() ld_run_path=()
  for dep in "${kiln_deps[@]}" "${kiln_build_deps[@]}"; do
    for flag in $(_kiln_meta "$dep" CFLAGS); do cflags+=("$flag"); done
    for flag in $(_kiln_meta "$dep" CPPFLAGS); do cppflags+=("$flag"); done
    for flag in $(_kiln_meta "$dep" CXXFLAGS); do cxxflags+=("$flag"); done
    for flag in $(_kiln_meta "$dep" LDFLAGS); do ldflags+=("$flag"); done
    _kiln_add_paths pkgconfig "$(_kiln_meta "$dep" PKG_CONFIG_PATH)"
  done
  for dir in "${pkg_lib_dirs[@]}"; do ld_run_path+=("$pkg_prefix/$dir"); done
  for dep in "${kiln_deps[@]}"; do
    _kiln_add_paths ld_run_path "$(_kiln_meta "$dep" LD_RUN_PATH)"
  done
  CFLAGS=$(trim "${CFLAGS:-} ${cflags[*]}")
  CPPFLAGS=$(trim "${CPPFLAGS:-} ${cppflags[*]}")
  CXXFLAGS=$(trim "${CXXFLAGS:-} ${cxxflags[*]}")
  LDFLAGS=$(trim "${LDFLAGS:-} ${ldflags[*]}")
  PKG_CONFIG_PATH=$(_kiln_join : "${pkgconfig[@]}")
  LD_RUN_PATH=$(_kiln_join : "${ld_run_path[@]}")
  export PATH PREFIX CFLAGS CPPFLAGS CXXFLAGS LDFLAGS PKG_CONFIG_PATH LD_RUN_PATH
  debug "PATH=$PATH"
  debug "CFLAGS=$CFLAGS LDFLAGS=$LDFLAGS LD_RUN_PATH=$LD_RUN_PATH"
}

# Writes a metadata file unless there is nothing to write.
_kiln_write_meta() {
  local name=$1 value=$2
  [[ -n $value ]] || return 0
  printf '%s\n' "$value" >"$pkg_prefix/$name"
}

_kiln_lines() {
  if (($# > 0)); then printf '%s\n' "$@" | sed '/^$/d' || true; fi
}

_kiln_assoc_lines() {
  local -n table=$1
  local key
  for key in "${!table[@]}"; do printf '%s=%s\n' "$key" "${table[$key]}"; done | sort
}

# The value default.toml gives a dotted TOML path, e.g. server.port.
_kiln_toml_value() {
  local file=$PLAN_CONTEXT/default.toml section key
  [[ -f $file ]] || return 1
  if [[ $1 == *.* ]]; then section=${1%.*} key=${1##*.}; else section='' key=$1; fi
  awk -v want="$section" -v key="$key" '
    /^[[:space:]]*\[/ { gsub(/[][[:space:]]/, ""); current = $0; next }
    current == want && $0 ~ "^[[:space:]]*\"?" key "\"?[[:space:]]*=" {
      sub(/^[^=]*=[[:space:]]*/, ""); sub(/[[:space:]]*(#.*)?$/, ""); gsub(/"/, ""); print; exit
    }' "$file"
}

_kiln_exposes() {
  local key path value ports=()
  for key in "${pkg_exposes[@]}"; do
    path=${pkg_exports[$key]:-}
    [[ -n $path ]] || exit_with "pkg_exposes names '$key', which pkg_exports does not have" 1
    value=$(_kiln_toml_value "$path") || true
    [[ -n $value ]] ||
      exit_with "pkg_exposes '$key': default.toml has no value for $path" 1
    ports+=("$value")
  done
  echo "${ports[*]}"
}

_kiln_write_metadata() {
  build_line "Writing the metadata files"
  local dir runtime=()
  echo "$pkg_ident" >"$pkg_prefix/IDENT"
  echo "$pkg_target" >"$pkg_prefix/TARGET"
  _kiln_write_meta DEPS "$(_kiln_lines "${kiln_deps[@]}")"
  _kiln_write_meta TDEPS "$(_kiln_lines "${kiln_tdeps[@]}")"
  _kiln_write_meta BUILD_DEPS "$(_kiln_lines "${kiln_build_deps[@]}")"
  _kiln_write_meta BUILD_TDEPS "$(_kiln_lines "${kiln_build_tdeps[@]}")"
  local bins=() libs=()
  for dir in "${pkg_bin_dirs[@]}"; do bins+=("$pkg_prefix/$dir"); done
  for dir in "${pkg_lib_dirs[@]}"; do libs+=("$pkg_prefix/$dir"); done
  _kiln_write_meta PATH "$(_kiln_join : "${bins[@]}")"
  _kiln_write_meta LD_RUN_PATH "$(_kiln_join : "${libs[@]}")"
  _kiln_write_meta LDFLAGS "$(trim "$(_kiln_prefixed -L "${pkg_lib_dirs[@]}")")"
  local includes
  includes=$(trim "$(_kiln_prefixed -I "${pkg_include_dirs[@]}")")
  _kiln_write_meta CFLAGS "$includes"
  _kiln_write_meta CPPFLAGS "$includes"
  _kiln_write_meta CXXFLAGS "$includes"
  _kiln_write_pkgconfig
  runtime=("${bins[@]}")
  for dep in "${kiln_deps[@]}" "${kiln_tdeps[@]}"; do
    _kiln_add_paths runtime "$(_kiln_meta "$dep" PATH)"
  done
  _kiln_write_meta RUNTIME_PATH "$(_kiln_join : "${runtime[@]}")"
  local interpreters=()
  for dir in "${pkg_interpreters[@]}"; do interpreters+=("$pkg_prefix/$dir"); done
  _kiln_write_meta INTERPRETERS "$(_kiln_lines "${interpreters[@]}")"
  _kiln_write_meta EXPORTS "$(_kiln_assoc_lines pkg_exports)"
  _kiln_write_meta BINDS "$(_kiln_assoc_lines pkg_binds)"
  _kiln_write_meta BINDS_OPTIONAL "$(_kiln_assoc_lines pkg_binds_optional)"
  local exposes
  exposes=$(_kiln_exposes)
  _kiln_write_meta EXPOSES "$exposes"
  if [[ -n ${pkg_svc_run:-} || -f $pkg_prefix/hooks/run ]]; then
    _kiln_write_meta SVC_USER "$pkg_svc_user"
    _kiln_write_meta SVC_GROUP "$pkg_svc_group"
  fi
}

_kiln_write_pkgconfig() {
  local dirs=() dir
  if ((${#pkg_pconfig_dirs[@]})); then
    for dir in "${pkg_pconfig_dirs[@]}"; do dirs+=("$pkg_prefix/$dir"); done
  else
    for dir in lib/pkgconfig share/pkgconfig; do
      [[ -d $pkg_prefix/$dir ]] && dirs+=("$pkg_prefix/$dir")
    done
  fi
  _kiln_write_meta PKG_CONFIG_PATH "$(_kiln_join : "${dirs[@]}")"
}

_kiln_write_manifest() {
  {
    echo "# $pkg_origin / $pkg_name"
    [[ -n ${pkg_description:-} ]] && printf '%s\n\n' "$pkg_description" || echo
    echo "* __Maintainer__: ${pkg_maintainer:-}"
    echo "* __Version__: $pkg_version"
    echo "* __Release__: $pkg_release"
    echo "* __Architecture__: ${pkg_target%%-*}"
    echo "* __System__: ${pkg_target#*-}"
    echo "* __Target__: $pkg_target"
    echo "* __License__: ${pkg_license[*]}"
    echo "* __Source__: [$pkg_source]($pkg_source)"
    echo "* __SHA__: \`${pkg_shasum:-}\`"
    echo "* __Path__: \`$pkg_prefix\`"
    echo "* __Upstream URL__: ${pkg_upstream_url:+[$pkg_upstream_url]($pkg_upstream_url)}"
    echo "* __Built Dependencies__: ${kiln_build_deps[*]}"
    echo "* __Runtime Dependencies__: ${kiln_deps[*]}"
    echo "* __Interpreters__: ${pkg_interpreters[*]}"
    echo
    echo "# Plan"
    echo
    echo "## Build Flags"
    echo
    echo '```bash'
    echo "CFLAGS: $CFLAGS"
    echo "LDFLAGS: $LDFLAGS"
    echo "LD_RUN_PATH: $LD_RUN_PATH"
    echo '```'
    echo
    echo "## Plan Source"
    echo
    echo '```bash'
    cat "$KILN_PLAN"
    echo '```'
  } >"$pkg_prefix/MANIFEST"
}

# ---------------------------------------------------------------------------------------------
# The two modes.

_kiln_source_plan() {
  cd "$PLAN_CONTEXT"
  # shellcheck source=/dev/null
  . "$KILN_PLAN"
  _kiln_validate_settings
}

_kiln_facts() {
  _kiln_source_plan
  local overridden=default dep
  [[ $(declare -f do_download) == *do_default_download* ]] || overridden=plan
  {
    printf 'origin\t%s\nname\t%s\nversion\t%s\n' "$pkg_origin" "$pkg_name" "$pkg_version"
    printf 'source\t%s\nfilename\t%s\n' "$pkg_source" "$pkg_filename"
    printf 'shasum\t%s\ndownload\t%s\n' "${pkg_shasum:-}" "$overridden"
    for dep in "${pkg_deps[@]}"; do printf 'dep\t%s\n' "$dep"; done
    for dep in "${pkg_build_deps[@]}"; do printf 'build_dep\t%s\n' "$dep"; done
  } >"$KILN_OUT/facts"
}

_kiln_phase=start
_kiln_on_exit() {
  local status=$?
  if ((status != 0)) && [[ $kiln_mode == build ]]; then
    trap - EXIT
    echo "plan-build: ${pkg_ident:-the plan} failed in $_kiln_phase (exit code $status)" >&2
    if [[ $_kiln_phase != do_after_failure ]]; then
      _kiln_phase=do_after_failure
      do_after_failure || true
    fi
  fi
  exit "$status"
}

_kiln_run() {
  _kiln_phase=$1
  debug "phase $1"
  cd "${2:-$PLAN_CONTEXT}"
  "$1"
}

_kiln_build() {
  trap _kiln_on_exit EXIT
  _kiln_phase=sourcing
  _kiln_source_plan
  # shellcheck source=/dev/null
  . "${KILN_DEPS_FILE:?KILN_DEPS_FILE must be set}"
  build_line "Building $pkg_ident"
  _kiln_run do_begin
  _kiln_run do_setup_environment
  mkdir -p "$HAB_CACHE_SRC_PATH" "$pkg_prefix"
  _kiln_run do_before
  _kiln_run do_download
  _kiln_run do_verify
  _kiln_run do_clean
  _kiln_run do_unpack
  _kiln_build_environment
  mkdir -p "$SRC_PATH"
  _kiln_run do_prepare "$SRC_PATH"
  _kiln_run do_build "$SRC_PATH"
  if [[ $(type -t do_check) == function && -n ${DO_CHECK:-} ]]; then
    _kiln_run do_check "$SRC_PATH"
  fi
  _kiln_run do_install "$SRC_PATH"
  _kiln_run do_build_config
  _kiln_run do_build_service
  _kiln_run do_strip
  _kiln_run do_after
  _kiln_phase=metadata
  _kiln_write_metadata
  _kiln_write_manifest
  _kiln_phase=handing-over
  mkdir -p "$KILN_OUT${pkg_prefix%/*}"
  cp -a "$pkg_prefix" "$KILN_OUT${pkg_prefix%/*}/"
  printf 'pkg_origin=%s\npkg_name=%s\npkg_version=%s\npkg_release=%s\npkg_target=%s\n' \
    "$pkg_origin" "$pkg_name" "$pkg_version" "$pkg_release" "$pkg_target" >"$KILN_OUT/pkg.env"
  # kiln packs and signs the artifact once the studio is gone; these run before that.
  _kiln_run do_end
  _kiln_run do_after_success
  _kiln_phase=done
  build_line "Built $pkg_ident"
}

case $kiln_mode in
  facts) _kiln_facts ;;
  build) _kiln_build ;;
  *) exit_with "unknown mode '$kiln_mode' (facts or build)" 2 ;;
esac
