package kiln.world;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bash program {@link BashPlanSource} feeds to its one bash: a subshell per plan. What a plan
 * prints on stderr comes back between its marked lines, so bash's own syntax errors are seen.
 */
final class BashScript {

  private BashScript() {}

  static String of(List<Path> files, int firstIndex, EvalContext context) {
    StringBuilder s = new StringBuilder(files.size() * 400);
    s.append("m=$'\\001kiln '\nexec 3>&1\n");
    for (Map.Entry<String, String> v : context.variables().entrySet()) {
      s.append("export ").append(v.getKey()).append('=').append(quote(v.getValue())).append('\n');
    }
    s.append(
        """
        # A plan that sources a missing file is unreadable, as for the static reader. A DEBUG
        # trap checks each source command before it runs: wrapping source in a function would
        # turn the plan's declare statements into locals of that function.
        kiln_check_source() {
          case "$BASH_COMMAND" in
            "source "* | ". "*)
              local kiln_words
              eval "kiln_words=(${BASH_COMMAND#* })" 2>/dev/null || return 0
              if [[ -n "${kiln_words[0]:-}" && ! -f "${kiln_words[0]}" ]]; then
                printf '%smissing %s\n' "$m" "${kiln_words[0]}" >&3
                # Where: the source line, then the lines that sourced its file, innermost first.
                local i
                for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
                  printf '%sframe %s %s\n' "$m" "${BASH_LINENO[i-1]}" "${BASH_SOURCE[i]}" >&3
                done
                exit 97
              fi
              ;;
          esac
        }
        kiln_emit() {
          printf '%sname %s\\n' "$m" "${pkg_name:-}"
          printf '%sorigin %s\\n' "$m" "${pkg_origin:-}"
          printf '%shab_origin %s\\n' "$m" "${HAB_ORIGIN:-}"
          if ! declare -F pkg_version >/dev/null; then printf '%sversion %s\\n' "$m" "${pkg_version:-}"; fi
          local d
          for d in "${pkg_build_deps[@]}"; do printf '%sbuild %s\\n' "$m" "$d"; done
          for d in "${pkg_deps[@]}"; do printf '%srun %s\\n' "$m" "$d"; done
          for d in "${pkg_scaffolding[@]}"; do printf '%sscaffolding %s\\n' "$m" "$d"; done
        }
        """);
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i).toAbsolutePath().normalize();
      s.append("printf '%sbegin ").append(firstIndex + i).append("\\n' \"$m\"\n");
      s.append("( cd ")
          .append(quote(file.getParent().toString()))
          .append(" && { set -T; trap kiln_check_source DEBUG; builtin source ")
          .append(quote(file.toString()))
          .append(" >/dev/null 2>&3 </dev/null; trap - DEBUG; set +T; kiln_emit; } )\n");
      s.append("printf '%send\\n' \"$m\"\n");
    }
    return s.toString();
  }

  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
