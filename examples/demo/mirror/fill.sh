#!/usr/bin/env bash
# Fills the demo's source mirror (examples/demo/sources/) from Debian's source packages, so the
# demo builds offline (network: never) from real upstream sources.
#
#   examples/demo/mirror/fill.sh [DEST]
#
# Each line of files.txt beside this script names a Debian source package, the file it ships
# and the name the demo's plans know that file by: upstream's own name where Debian's file is
# upstream's release tarball byte for byte, Debian's name where Debian repacked it (or where
# upstream made no release). kiln checks every file against its plan's pkg_shasum when it uses
# it, so a wrong file here fails the build that needs it, naming file and checksums.
#
# apt runs with a private configuration (its own sources list, lists and cache under a
# temporary folder): the machine's apt setup is read, never changed. The source entries are
# the machine's own Debian entries with "deb-src" for "deb".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=${1:-$here/../sources}
mkdir -p "$dest"

missing=()
while read -r package file name; do
  [[ -z $package || $package == \#* ]] && continue
  [[ -f $dest/$name ]] || missing+=("$package $file $name")
done <"$here/files.txt"
((${#missing[@]})) || exit 0

apt_dir=$(mktemp -d)
trap 'rm -rf "$apt_dir"' EXIT
mkdir -p "$apt_dir"/{sources.list.d,lists/partial,cache/archives/partial,download}
found=false
for list in /etc/apt/sources.list.d/*.sources; do
  [[ -f $list ]] || continue
  # Only Debian's own archive entries; security updates ship no new upstream tarballs.
  grep -q '^Types: deb$' "$list" || continue
  awk 'BEGIN { RS=""; ORS="\n\n" } /Types: deb\n/ && !/-security/' "$list" |
    sed 's/^Types: deb$/Types: deb-src/' >"$apt_dir/sources.list.d/$(basename "$list")"
  found=true
done
if [[ -f /etc/apt/sources.list ]] && grep -q '^deb ' /etc/apt/sources.list; then
  grep '^deb ' /etc/apt/sources.list | grep -v -- '-security' | sed 's/^deb /deb-src /' \
    >"$apt_dir/sources.list.d/from-sources-list.list"
  found=true
fi
$found || { echo "mirror: no Debian apt sources on this machine to derive deb-src from" >&2; exit 1; }
apt=(apt-get -q -o APT::Sandbox::User=root -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d" -o Dir::Etc::SourceList=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
"${apt[@]}" update >&2
packages=()
for entry in "${missing[@]}"; do
  read -r package _ <<<"$entry"
  packages+=("$package")
done
echo "mirror: fetching the Debian source packages ${packages[*]}" >&2
(cd "$apt_dir/download" && "${apt[@]}" source --download-only "${packages[@]}" >&2)
for entry in "${missing[@]}"; do
  read -r package file name <<<"$entry"
  [[ -f $apt_dir/download/$file ]] ||
    { echo "mirror: Debian's source package $package has no $file" >&2; exit 1; }
  cp "$apt_dir/download/$file" "$dest/.$name.partial"
  mv "$dest/.$name.partial" "$dest/$name"
done
echo "mirror: ${#missing[@]} source files in $dest" >&2
