# A plan with most of the mess real plans have.
pkg_name=messy
pkg_origin=core
_major=2
pkg_version="${_major}.4"'.1'
pkg_description=$(cat << EOF
  # Not a comment: a here-document inside a command substitution.
  It's got quotes " and ) parentheses.
EOF
)
pkg_deps=(
  core/glibc   # the C library
  "core/zlib/1.2.11"
  'core/openssl/1.1.1q/20220705000000'
  core/lib${pkg_name}-data
  $'core/tab\x2dsep'
)
pkg_build_deps=(core/gcc \
  core/make)
pkg_build_deps+=(core/${MISSING_BUT_DEFAULTED:-pkg-config})
pkg_scaffolding="core/scaffolding-messy"
_unused=`date`

do_build() {
  local pkg_deps=(core/not-a-dep)
  if [[ $x == "}" ]]; then
    echo "{ ( [[ ]]"
  fi
  cat > config <<-'CONF'
	pkg_deps=(core/inside-heredoc)
	CONF
}

pkg_version() {
  echo "9.9.9"
}
