package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one plan's subshell printed under {@code --eval}, turned into a plan. Dependency lines come
 * from the static reader when it finds the same dependency; otherwise only the file is known.
 */
final class BashResult {

  final int index;
  private final Path file;
  private final Map<String, String> scalars = new HashMap<>();
  private final List<String[]> deps = new ArrayList<>();

  BashResult(int index, Path file) {
    this.index = index;
    this.file = file;
  }

  void add(String key, String value) {
    switch (key) {
      case "build", "run", "scaffolding" -> deps.add(new String[] {key, value});
      default -> scalars.put(key, value);
    }
  }

  PlanOutcome outcome(EvalContext context) {
    if (scalars.containsKey("missing")) {
      return BashPlanSource.failure(
          file, "sources '" + scalars.get("missing") + "', which does not exist");
    }
    String name = scalars.getOrDefault("name", "");
    String origin = scalars.getOrDefault("origin", "");
    SourceLocation at = new SourceLocation(file, 0);
    if (name.isEmpty()) {
      return BashPlanSource.failure(file, "sourced with bash, it sets no pkg_name (or exits)");
    }
    for (String[] check : new String[][] {{"pkg_name", name}, {"pkg_origin", origin}}) {
      if (!PackageIdent.isValidName(check[1])) {
        return BashPlanSource.failure(
            file,
            "invalid "
                + check[0]
                + " '"
                + check[1]
                + "' (letters, digits, '-' and '_' only; HAB_ORIGIN is used when pkg_origin is unset)");
      }
    }
    Map<PackageIdent, SourceLocation> lines = staticLines(context);
    List<Dependency> list = new ArrayList<>();
    for (String[] dep : deps) {
      if (dep[1].isBlank()) {
        continue;
      }
      DepKind kind =
          switch (dep[0]) {
            case "build" -> DepKind.BUILD;
            case "run" -> DepKind.RUN;
            default -> DepKind.SCAFFOLDING;
          };
      PackageIdent ident;
      try {
        ident = PackageIdent.parse(dep[1].strip()).originAndName();
      } catch (IllegalArgumentException e) {
        return BashPlanSource.failure(
            file, "invalid dependency in " + kind.setting() + ": " + e.getMessage());
      }
      list.add(new Dependency(ident, kind, lines.getOrDefault(ident, at)));
    }
    String version = scalars.get("version");
    Plan plan =
        new Plan(
            PackageIdent.of(origin, name),
            version == null || version.isEmpty() ? null : version,
            file.toString(),
            file,
            list);
    return PlanOutcome.read(file, new PlanReading(plan, List.of()));
  }

  private Map<PackageIdent, SourceLocation> staticLines(EvalContext context) {
    Map<PackageIdent, SourceLocation> out = new HashMap<>();
    try {
      for (Dependency d : new PlanReader().read(file, context).plan().deps()) {
        out.putIfAbsent(d.ident(), d.declaredAt());
      }
    } catch (UnreadablePlanException | RuntimeException e) {
      // Only the file is known then.
    }
    return out;
  }
}
