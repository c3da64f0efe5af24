package kiln.world;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The bash program {@link BashPlanSource} feeds to its one bash: a subshell per plan. */
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
        # A plan that sources a missing file is unreadable, as for the static reader.
        kiln_source() {
          if [[ ! -f "$1" ]]; then printf '%smissing %s\n' "$m" "$1" >&3; exit 97; fi
          builtin source "$@"
        }
        source() { kiln_source "$@"; }
        .() { kiln_source "$@"; }
        kiln_emit() {
          printf '%sname %s\\n' "$m" "${pkg_name:-}"
          printf '%sorigin %s\\n' "$m" "${pkg_origin:-${HAB_ORIGIN:-}}"
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
          .append(" && { source ")
          .append(quote(file.toString()))
          .append(" >/dev/null 2>&1 </dev/null; kiln_emit; } )\n");
      s.append("printf '%send\\n' \"$m\"\n");
    }
    return s.toString();
  }

  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
