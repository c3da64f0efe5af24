#!/bin/bash
# kiln's plan build program. Runs inside a studio and executes one plan.sh as the plan syntax
# guide describes it: settings, variables, callbacks with their defaults, utility functions,
# hooks and the metadata files of the package. kiln (Java) does what needs the host: it
# resolves the dependencies and mounts them, fetches the source into the cache, writes FILES,
# packs and signs the artifact.
#
#   plan-build.sh facts   source the plan, write what kiln needs to know to $KILN_OUT/facts
#   plan-build.sh build   build the plan; the package prefix is copied to $KILN_OUT/hab/pkgs/...
#
# Environment in: KILN_PLAN (the plan.sh), KILN_OUT (writable), KILN_RELEASE, KILN_TARGET,
# KILN_DEPS_FILE (build only: resolved idents), STUDIO_TYPE, and optionally HAB_ORIGIN,
# DO_CHECK, DEBUG.

set -e
umask 0022

kiln_mode=${1:?usage: plan-build.sh facts|build}
: "${KILN_PLAN:?KILN_PLAN must name the plan.sh}" "${KILN_OUT:?KILN_OUT must be set}"

# ---------------------------------------------------------------------------------------------
# Utility functions (the guide's "Plan utility functions"); plans may call them anywhere.

build_line() { echo "   ${pkg_name:-plan-build}: $1"; }

warn() { echo "   ${pkg_name:-plan-build}: WARN $1" >&2; }

debug() {
  if [[ ${DEBUG:-0} == 1 ]]; then echo "   ${pkg_name:-plan-build}: DEBUG $1"; fi
  return 0
}

exit_with() {
  echo "   ${pkg_name:-plan-build}: ERROR: $1" >&2
  exit "${2:-1}"
}

trim() {
  local text="$*"
  text="${text#"${text%%[![:space:]]*}"}"
  text="${text%"${text##*[![:space:]]}"}"
  echo -n "$text"
}

abspath() {
  if [[ -d $1 ]]; then
    (cd "$1" && pwd -P)
  else
    local dir
    dir=$(cd "$(dirname "$1")" && pwd -P) || return 1
    echo "$dir/$(basename "$1")"
  fi
}

exists() { command -v "$1" >/dev/null 2>&1; }

# attach needs a terminal; a studio build has none, so it says so and carries on.
attach() {
  local where="${BASH_SOURCE[1]:-plan}:${BASH_LINENO[0]:-?}"
  if [[ -t 0 && -t 1 ]]; then
    echo "attach: $where (type commands; 'exit' or end of input to continue)"
    local line
    while read -r -e -p "[attach ${FUNCNAME[1]:-main}]> " line; do
      [[ $line == exit || $line == quit ]] && break
      eval "$line" || true
    done
  else
    warn "attach at $where: cannot attach, this build is not interactive (no terminal); continuing"
  fi
  return 0
}

# The sha256 of a file, with whichever tool the studio has.
_kiln_sha256() {
  if exists sha256sum; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif exists shasum; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  else
    exit_with "no sha256sum or shasum in the studio: cannot check $1" 1
  fi
}

# Fetches a URL to a file. With a sha256 as third argument, an existing file that matches is
# kept and nothing is fetched; one that does not match is removed and fetched again.
download_file() {
  local url=$1 dst=$2 sha=${3:-}
  (
    cd "$HAB_CACHE_SRC_PATH"
    if [[ -n $sha && -f $dst ]]; then
      if [[ $(_kiln_sha256 "$dst") == "$sha" ]]; then
        build_line "Using cached and checksummed $dst"
        exit 0
      fi
      build_line "Checksum mismatch for cached $dst; removing it and downloading again"
      rm -f "$dst"
    fi
    build_line "Downloading '$url' to '$dst'"
    case $url in
      file://*) cp "${url#file://}" "$dst" ;;
      http://* | https://* | ftp://*)
        if exists curl; then
          curl -fsSL -o "$dst" "$url"
        elif exists wget; then
          wget -q -O "$dst" "$url"
        else
          exit_with "no curl or wget in the studio to download $url" 1
        fi
        ;;
      *) exit_with "cannot download '$url': unsupported URL scheme" 1 ;;
    esac
    build_line "Downloaded '$dst'"
  )
}

verify_file() {
  local file=$1 expected=$2 computed
  build_line "Verifying $file"
  computed=$(_kiln_sha256 "$HAB_CACHE_SRC_PATH/$file")
  if [[ $computed != "$expected" ]]; then
    warn "Checksum error for $HAB_CACHE_SRC_PATH/$file"
    warn "Expected: $expected"
    warn "Computed: $computed"
    if [[ -z $expected ]]; then
      exit_with "checksum mismatch for $file: the plan sets no pkg_shasum (set it to the Computed value above, or override do_verify)" 1
    fi
    exit_with "checksum mismatch for $file" 1
  fi
  build_line "Checksum verified for $file"
}

# The install path of a direct dependency (run or build), by origin/name[/version[/release]].
pkg_path_for() {
  local wanted=$1 ident
  for ident in "${kiln_deps[@]}" "${kiln_build_deps[@]}"; do
    if [[ $ident == "$wanted" || $ident == "$wanted"/* ]]; then
      echo "$HAB_PKG_PATH/$ident"
      return 0
    fi
  done
  warn "pkg_path_for: $wanted is not a dependency of this plan (pkg_deps or pkg_build_deps)"
  return 1
}

pkg_interpreter_for() {
  local pkg=$1 int=$2 path interpreter
  path=$(pkg_path_for "$pkg" 2>/dev/null) || {
    warn "pkg_interpreter_for: package $pkg not found among the dependencies"
    return 1
  }
  if [[ -f $path/INTERPRETERS ]]; then
    while read -r interpreter; do
      if [[ $interpreter == "$path/$int" ]]; then
        echo "$interpreter"
        return 0
      fi
    done <"$path/INTERPRETERS"
  fi
  warn "pkg_interpreter_for: $pkg does not list $int in its INTERPRETERS"
  return 1
}

fix_interpreter() {
  local targets=$1 pkg=$2 int=$3 interpreter target
  interpreter=$(pkg_interpreter_for "$pkg" "$int") ||
    exit_with "fix_interpreter: no interpreter $int in $pkg" 1
  # The targets are a glob the caller quoted so that it expands here.
  for target in $targets; do
    [[ -f $target ]] || { warn "fix_interpreter: no file $target"; continue; }
    build_line "Replacing the interpreter of $target with $interpreter"
    sed -e "1 s,^#!.*${int},#!${interpreter}," "$target" >"$target.kiln-tmp"
    cat "$target.kiln-tmp" >"$target"
    rm -f "$target.kiln-tmp"
  done
}

# For plans whose pkg_version is a function: call it once the source says the version.
update_pkg_version() {
  if [[ $(type -t pkg_version) == function ]]; then
    pkg_version=$(pkg_version)
    _kiln_derive_settings
    build_line "Version updated to $pkg_version"
  fi
}

# shellcheck source=SCRIPTDIR/plan-build-phases.sh
. "$(dirname "${BASH_SOURCE[0]}")/plan-build-phases.sh"
