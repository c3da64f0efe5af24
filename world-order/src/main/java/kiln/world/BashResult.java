package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one plan's subshell printed under {@code --eval}, turned into a plan. Problems are told in
 * the static reader's words. Lines: a missing sourced file has the ones bash knows (its call
 * stack); a setting or dependency has the line where the static reader sees it set, else only the
 * file, said so.
 */
final class BashResult {

  private static final String NO_LINE = " (bash set it; the line is not known)";

  /**
   * Bash's report of a file it cannot parse: {@code FILE: line N: syntax error ...}. Errors bash
   * meets while running (arithmetic, {@code eval}) are worded otherwise or name the bad token.
   */
  private static final Pattern SYNTAX_ERROR =
      Pattern.compile("(.+): line (\\d+): ((?:syntax error|unexpected EOF while looking for).*)");

  final int index;
  private final Path file;
  private final Map<String, String> scalars = new HashMap<>();
  private final List<String[]> deps = new ArrayList<>();
  private final List<String> frames = new ArrayList<>();
  private Diagnostic syntaxError;

  BashResult(int index, Path file) {
    this.index = index;
    this.file = file;
  }

  void add(String key, String value) {
    switch (key) {
      case "build", "run", "scaffolding" -> deps.add(new String[] {key, value});
      case "frame" -> frames.add(value);
      default -> scalars.put(key, value);
    }
  }

  /** A line the plan printed on stderr while it was sourced; bash's first syntax error counts. */
  void said(String line) {
    Matcher m = SYNTAX_ERROR.matcher(line);
    if (syntaxError != null || !m.matches() || line.contains("(error token is")) {
      return;
    }
    syntaxError =
        new Diagnostic(
            new SourceLocation(named(m.group(1)), lineNumber(m.group(2))), "bash: " + m.group(3));
  }

  /** A file bash names, relative to the plan's directory, named as the plan is given. */
  private Path named(String bashPath) {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    Path at = dir.resolve(bashPath).normalize();
    return at.equals(absolute) ? file : Scope.asGiven(dir, dirAsGiven(), at);
  }

  private Path dirAsGiven() {
    return file.getParent() == null ? Path.of("") : file.getParent();
  }

  PlanOutcome outcome(EvalContext context, PlanReader reader) {
    if (scalars.containsKey("missing")) {
      return missingSource(scalars.get("missing"));
    }
    if (syntaxError != null) {
      return PlanOutcome.unreadable(file, syntaxError);
    }
    String name = scalars.getOrDefault("name", "");
    String origin = scalars.getOrDefault("origin", "");
    String originSetting = "pkg_origin";
    if (origin.isEmpty()) {
      origin = scalars.getOrDefault("hab_origin", "");
      originSetting = "HAB_ORIGIN";
    }
    Scope statics = reader.evaluate(file, context);
    if (name.isEmpty()) {
      SourceLocation at = where(statics, "pkg_name");
      return failure(at.line() == 0 ? new SourceLocation(file, 1) : at, PlanAssembler.NO_NAME, "");
    }
    if (!PackageIdent.isValidName(name)) {
      return failure(statics, "pkg_name", PlanAssembler.invalidName("pkg_name", name));
    }
    if (origin.isEmpty()) {
      return failure(statics, "pkg_name", PlanAssembler.NO_ORIGIN);
    }
    if (!PackageIdent.isValidName(origin)) {
      return failure(statics, originSetting, PlanAssembler.invalidName(originSetting, origin));
    }
    SourceLocation fileOnly = new SourceLocation(file, 0);
    List<Dependency> list = new ArrayList<>();
    for (String[] dep : deps) {
      String text = dep[1].strip();
      if (text.isEmpty()) {
        continue;
      }
      DepKind kind =
          switch (dep[0]) {
            case "build" -> DepKind.BUILD;
            case "run" -> DepKind.RUN;
            default -> DepKind.SCAFFOLDING;
          };
      SourceLocation at = dependencyLine(statics, kind, text);
      PackageIdent ident;
      try {
        ident = PackageIdent.parse(text).originAndName();
      } catch (IllegalArgumentException e) {
        String message = PlanAssembler.invalidDependency(kind.setting(), e.getMessage());
        return at == null
            ? failure(fileOnly, message, NO_LINE)
            : PlanOutcome.unreadable(file, new Diagnostic(at, message));
      }
      list.add(new Dependency(ident, kind, at == null ? fileOnly : at));
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

  /** A source of a missing file, at the line bash was on and with the lines that led there. */
  private PlanOutcome missingSource(String word) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    List<SourceLocation> stack = new ArrayList<>();
    for (String frame : frames) {
      String[] parts = frame.split(" ", 2);
      if (parts.length == 2) {
        stack.add(new SourceLocation(named(parts[1]), lineNumber(parts[0])));
      }
    }
    String message =
        Interpreter.missingSource(word, Scope.asGiven(dir, dirAsGiven(), dir.resolve(word)));
    if (stack.isEmpty()) {
      return failure(new SourceLocation(file, 0), message, "");
    }
    SourceLocation first = stack.get(0);
    SourceLocation at =
        new SourceLocation(first.file(), first.line(), stack.subList(1, stack.size()));
    return PlanOutcome.unreadable(file, new Diagnostic(at, message));
  }

  private static int lineNumber(String text) {
    try {
      return Math.max(0, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Where the static reader sees {@code variable} set first, else the file alone. */
  private SourceLocation where(Scope statics, String variable) {
    List<Field> fields = statics == null ? null : statics.vars.get(variable);
    if (fields == null || fields.isEmpty() || fields.get(0).at().line() == 0) {
      return new SourceLocation(file, 0);
    }
    return fields.get(0).at();
  }

  private PlanOutcome failure(Scope statics, String variable, String message) {
    return failure(where(statics, variable), message, NO_LINE);
  }

  private PlanOutcome failure(SourceLocation at, String message, String noLine) {
    return PlanOutcome.unreadable(
        file, new Diagnostic(at, at.line() == 0 ? message + noLine : message));
  }

  /** The line declaring this dependency as the static reader sees it, or null. */
  private static SourceLocation dependencyLine(Scope statics, DepKind kind, String text) {
    List<Field> fields = statics == null ? null : statics.vars.get(kind.setting());
    if (fields == null) {
      return null;
    }
    for (Field f : fields) {
      if (f.exact() && f.text().strip().equals(text)) {
        return f.at();
      }
    }
    // The same ident cut to origin/name, as the static reader may spell it with a version.
    for (Field f : fields) {
      if (f.exact() && sameName(f.text().strip(), text)) {
        return f.at();
      }
    }
    return null;
  }

  private static boolean sameName(String a, String b) {
    int ia = a.indexOf('/', a.indexOf('/') + 1);
    int ib = b.indexOf('/', b.indexOf('/') + 1);
    String na = ia < 0 ? a : a.substring(0, ia);
    String nb = ib < 0 ? b : b.substring(0, ib);
    return a.indexOf('/') > 0 && na.equals(nb);
  }
}
