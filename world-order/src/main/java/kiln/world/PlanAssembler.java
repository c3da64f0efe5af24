package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the variables a plan left behind into a {@link Plan}, validating names and deps. */
final class PlanAssembler {

  // The messages of a plan's settings; --eval (BashResult) reports the same problems in the same
  // words.
  static final String NO_NAME = "no pkg_name is set; every plan needs one";
  static final String NO_ORIGIN = "no pkg_origin is set and HAB_ORIGIN is empty; set one of them";

  static String invalidName(String setting, String value) {
    return "invalid " + setting + " '" + value + "' (letters, digits, '-' and '_' only)";
  }

  static String invalidDependency(String setting, String problem) {
    return "invalid dependency in " + setting + ": " + problem;
  }

  private final Scope scope;
  private final Path planFile;
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final java.util.Set<SourceLocation> warned = new java.util.HashSet<>();

  PlanAssembler(Scope scope, Path planFile, List<Diagnostic> earlier) {
    this.scope = scope;
    this.planFile = planFile;
    earlier.forEach(d -> warned.add(d.where()));
  }

  List<Diagnostic> warnings() {
    return warnings;
  }

  Plan build(boolean versionFunction) throws UnreadablePlanException {
    Field name = first("pkg_name");
    if (name == null || (name.exact() && name.text().isEmpty())) {
      throw unreadable(new SourceLocation(planFile, 1), NO_NAME);
    }
    requireName("pkg_name", name);
    Field origin = first("pkg_origin");
    if (origin == null || (origin.exact() && origin.text().isEmpty())) {
      origin = first("HAB_ORIGIN");
    }
    if (origin == null || origin.text().isEmpty()) {
      throw unreadable(name.at(), NO_ORIGIN);
    }
    requireName(origin == first("HAB_ORIGIN") ? "HAB_ORIGIN" : "pkg_origin", origin);
    Field version = first("pkg_version");
    String versionText =
        version != null && version.exact() && !version.text().isEmpty() && !versionFunction
            ? version.text()
            : null;
    List<Dependency> deps = new ArrayList<>();
    for (DepKind kind : new DepKind[] {DepKind.BUILD, DepKind.RUN, DepKind.SCAFFOLDING}) {
      deps(kind, deps);
    }
    PackageIdent ident = PackageIdent.of(origin.text(), name.text());
    return new Plan(
        ident, versionText, planFile.toString(), planFile, deps, List.copyOf(scope.sources));
  }

  private void deps(DepKind kind, List<Dependency> into) throws UnreadablePlanException {
    List<Field> fields = scope.vars.get(kind.setting());
    if (fields == null) {
      return;
    }
    for (Field f : fields) {
      String text = f.text().strip();
      if (!f.exact()) {
        if (!warned.add(f.at())) {
          continue;
        }
        warnings.add(
            new Diagnostic(
                f.at(),
                kind.setting()
                    + ": left out '"
                    + text
                    + "', which cannot be evaluated statically ("
                    + f.problem()
                    + ")"));
        continue;
      }
      if (text.isEmpty()) {
        continue;
      }
      PackageIdent ident;
      try {
        ident = PackageIdent.parse(text);
      } catch (IllegalArgumentException e) {
        throw new UnreadablePlanException(
            new Diagnostic(f.at(), invalidDependency(kind.setting(), e.getMessage())), e);
      }
      into.add(new Dependency(ident, kind, f.at()));
    }
  }

  private Field first(String variable) {
    List<Field> fields = scope.vars.get(variable);
    return fields == null || fields.isEmpty() ? null : fields.get(0);
  }

  private static void requireName(String setting, Field field) throws UnreadablePlanException {
    if (!field.exact()) {
      throw unreadable(
          field.at(),
          setting + " cannot be evaluated statically (" + field.problem() + "); try --eval");
    }
    if (!PackageIdent.isValidName(field.text())) {
      throw unreadable(field.at(), invalidName(setting, field.text()));
    }
  }

  private static UnreadablePlanException unreadable(SourceLocation at, String message) {
    return new UnreadablePlanException(new Diagnostic(at, message));
  }
}
