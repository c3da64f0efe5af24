# shellcheck shell=bash
# kiln's plan build program, part two: the default callbacks, the phases in the guide's order,
# the build environment and the metadata files. Sourced by plan-build.sh.

# ---------------------------------------------------------------------------------------------
# Default callbacks. A plan overrides do_X; do_default_X stays callable from the override.

do_default_begin() { return 0; }
do_default_setup_environment() { return 0; }
do_default_before() { return 0; }
do_default_download() {
  # kiln fetched the source into the cache before the studio started (KILN_SOURCE_FETCHED names
  # it). With a pkg_shasum, download_file finds it checksummed; without one it would always
  # fetch, and the studio has no network for that: this build's copy is the one to use.
  if [[ -z ${pkg_shasum:-} && ${KILN_SOURCE_FETCHED:-} == "$pkg_filename" &&
    -f $HAB_CACHE_SRC_PATH/$pkg_filename ]]; then
    build_line "Using $pkg_filename, fetched by kiln for this build (no pkg_shasum to check it)"
    return 0
  fi
  download_file "$pkg_source" "$pkg_filename" "${pkg_shasum:-}"
}
do_default_verify() { verify_file "$pkg_filename" "${pkg_shasum:-}"; }
do_default_clean() {
  build_line "Clean the cache"
  rm -rf "$CACHE_PATH"
}
do_default_unpack() { unpack_file "$pkg_filename"; }
do_default_prepare() { return 0; }
do_default_build() {
  ./configure --prefix="$pkg_prefix"
  make
}
do_default_install() { make install; }
do_default_build_config() {
  local item
  for item in config config_install default.toml; do
    if [[ -e $PLAN_CONTEXT/$item ]]; then
      build_line "Copying $item into the package"
      cp -r "$PLAN_CONTEXT/$item" "$pkg_prefix/"
    fi
  done
  if [[ -d $PLAN_CONTEXT/hooks ]]; then
    build_line "Copying hooks into the package"
    mkdir -p "$pkg_prefix/hooks"
    cp -r "$PLAN_CONTEXT/hooks/." "$pkg_prefix/hooks/"
    chmod -R u+rwX,go+rX "$pkg_prefix/hooks"
  fi
}
do_default_build_service() {
  if [[ -n ${pkg_svc_run:-} && ! -f $PLAN_CONTEXT/hooks/run ]]; then
    build_line "Writing the run hook for pkg_svc_run"
    mkdir -p "$pkg_prefix/hooks"
    printf '#!/bin/sh\nexec 2>&1\ncd %s\nexec %s\n' "$pkg_svc_path" "$pkg_svc_run" \
      >"$pkg_prefix/hooks/run"
    chmod 0755 "$pkg_prefix/hooks/run"
  fi
}
do_default_strip() {
  if ! exists strip || ! exists file; then
    build_line "No strip or file in the studio: binaries are left as they are"
    return 0
  fi
  build_line "Stripping unneeded symbols from binaries and libraries"
  local f kind
  while IFS= read -r -d '' f; do
    kind=$(file -b "$f")
    case $kind in
      *ELF*executable*not\ stripped*) strip --strip-all "$f" ;; # pie executables too
      *ELF*shared\ object*not\ stripped*) strip --strip-unneeded "$f" ;;
      *current\ ar\ archive*) strip --strip-debug "$f" ;;
    esac
  done < <(find "$pkg_prefix" -type f -perm -u+w -print0)
}
do_default_after() { return 0; }
do_default_end() { return 0; }
do_default_after_success() { return 0; }
do_default_after_failure() { return 0; }

for _kiln_cb in begin setup_environment before download verify clean unpack prepare build install \
  build_config build_service strip after end after_success after_failure; do
  eval "do_${_kiln_cb}() { do_default_${_kiln_cb}; }"
done
unset _kiln_cb

# .Z, .7z and .rar need a tool that a studio may lack: say which, and what to do.
_kiln_unpack_tool() {
  exists "$1" ||
    exit_with "cannot unpack $2: no $1 in the studio (add a package that provides $1 to pkg_build_deps, or override do_unpack)" 1
}

unpack_file() {
  local file=$1 src
  src=$HAB_CACHE_SRC_PATH/$file
  [[ -f $src ]] || exit_with "cannot unpack $src: no such file (did do_download run?)" 1
  build_line "Unpacking $file"
  (
    cd "$HAB_CACHE_SRC_PATH"
    case $file in
      *.tar.bz2 | *.tbz2 | *.tbz) tar -xjf "$src" ;;
      *.tar.gz | *.tgz) tar -xzf "$src" ;;
      *.tar.xz | *.txz) tar -xJf "$src" ;;
      *.tar) tar -xf "$src" ;;
      *.xz) xz -dc "$src" >"${file%.xz}" ;;
      *.gz) gzip -dc "$src" >"${file%.gz}" ;;
      *.bz2) bzip2 -dc "$src" >"${file%.bz2}" ;;
      *.zip) unzip -o -q "$src" ;;
      *.Z) _kiln_unpack_tool uncompress "$file" && uncompress -c "$src" >"${file%.Z}" ;;
      *.7z) _kiln_unpack_tool 7z "$file" && 7z x "$src" ;;
      *.rar) _kiln_unpack_tool unrar "$file" && unrar x "$src" ;;
      *) exit_with "unknown archive format of $file: expected .tar, .tar.gz, .tgz, .tar.bz2,\
 .tbz2, .tar.xz, .xz, .gz, .bz2, .zip, .Z, .7z or .rar (override do_unpack for others)" 1 ;;
    esac
  )
}

# ---------------------------------------------------------------------------------------------
# Settings: the guide's paths before the plan is sourced, the derived ones after.

HAB_ROOT_PATH=/hab
HAB_PKG_PATH=$HAB_ROOT_PATH/pkgs
HAB_CACHE_SRC_PATH=$HAB_ROOT_PATH/cache/src
# shellcheck disable=SC2034 # the guide's setting, for plans to use
HAB_CACHE_ARTIFACT_PATH=$HAB_ROOT_PATH/cache/artifacts
PLAN_CONTEXT=$(cd "$(dirname "$KILN_PLAN")" && pwd)
pkg_target=${KILN_TARGET:-x86_64-linux}
# shellcheck disable=SC2034 # pkg_binds*: the plan fills them, _kiln_assoc_lines reads them by name
declare -A pkg_exports=() pkg_binds=() pkg_binds_optional=()
pkg_deps=() pkg_build_deps=() pkg_lib_dirs=() pkg_include_dirs=() pkg_bin_dirs=()
pkg_pconfig_dirs=() pkg_interpreters=() pkg_exposes=() pkg_license=()
# The resolved dependency idents: KILN_DEPS_FILE sets them for a build; none while reading facts.
kiln_deps=() kiln_build_deps=() kiln_tdeps=() kiln_build_tdeps=()
# The service paths need the name, which the plan has not set yet: a placeholder, filled in
# after sourcing, lets settings like pkg_svc_run refer to them (as Habitat allows).
_kiln_name_slot=@__kiln_pkg_name__@
pkg_svc_path=$HAB_ROOT_PATH/svc/$_kiln_name_slot
# shellcheck disable=SC2034 # for plans to use; _kiln_validate_settings fills in the name by ${!var}
pkg_svc_data_path=$pkg_svc_path/data pkg_svc_files_path=$pkg_svc_path/files \
  pkg_svc_var_path=$pkg_svc_path/var pkg_svc_config_path=$pkg_svc_path/config \
  pkg_svc_static_path=$pkg_svc_path/static

_kiln_derive_settings() {
  pkg_release=${KILN_RELEASE:?KILN_RELEASE must be set}
  pkg_ident=$pkg_origin/$pkg_name/$pkg_version/$pkg_release
  pkg_prefix=$HAB_PKG_PATH/$pkg_ident
  PREFIX=$pkg_prefix
  # shellcheck disable=SC2034 # the guide's variable, for plans to use
  pkg_artifact=$pkg_origin-$pkg_name-$pkg_version-$pkg_release-$pkg_target.hart
  [[ -n ${_kiln_dirname_set:-} ]] || pkg_dirname=$pkg_name-$pkg_version
  [[ -n ${_kiln_filename_set:-} ]] || pkg_filename=${pkg_source##*/}
  CACHE_PATH=$HAB_CACHE_SRC_PATH/$pkg_dirname
  SRC_PATH=$CACHE_PATH
}

_kiln_validate_settings() {
  pkg_origin=${pkg_origin:-${HAB_ORIGIN:-}}
  [[ -n ${pkg_name:-} ]] || exit_with "plan $KILN_PLAN sets no pkg_name (required)" 1
  [[ $pkg_name =~ ^[A-Za-z0-9_-]+$ ]] ||
    exit_with "pkg_name '$pkg_name' may hold only letters, digits, '-' and '_'" 1
  [[ -n $pkg_origin ]] || exit_with "plan sets no pkg_origin and HAB_ORIGIN is not set" 1
  [[ $pkg_origin =~ ^[A-Za-z0-9_-]+$ ]] ||
    exit_with "pkg_origin '$pkg_origin' may hold only letters, digits, '-' and '_'" 1
  [[ -n ${pkg_version:-} || $(type -t pkg_version) == function ]] ||
    exit_with "plan sets no pkg_version (required)" 1
  [[ -n ${pkg_version:-} ]] || pkg_version=__pkg__version__unset__
  [[ -n ${pkg_source:-} ]] ||
    exit_with "plan sets no pkg_source (required; use a non-empty string and override do_download and do_unpack when there is nothing to download)" 1
  local dep
  for dep in "${pkg_deps[@]}" "${pkg_build_deps[@]}"; do
    [[ $dep == */* ]] || exit_with "dependency '$dep' is not origin/name[/version[/release]]" 1
  done
  [[ -n ${pkg_dirname:-} ]] && _kiln_dirname_set=1
  [[ -n ${pkg_filename:-} ]] && _kiln_filename_set=1
  pkg_svc_user=${pkg_svc_user:-hab}
  pkg_svc_group=${pkg_svc_group:-$pkg_svc_user}
  local var
  for var in pkg_svc_path pkg_svc_data_path pkg_svc_files_path pkg_svc_var_path \
    pkg_svc_config_path pkg_svc_static_path pkg_svc_run; do
    [[ -n ${!var:-} ]] && printf -v "$var" '%s' "${!var//$_kiln_name_slot/$pkg_name}"
  done
  _kiln_derive_settings
}

# shellcheck source=SCRIPTDIR/plan-build-run.sh
. "$(dirname "${BASH_SOURCE[0]}")/plan-build-run.sh"
