package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one plan being read: its variables, the file being read now (plans source others),
 * and the problems met while expanding the current statement.
 */
final class Scope {

  final Map<String, List<Field>> vars = new HashMap<>();
  final EvalContext context;
  final Path planDir;
  final Path planDirAsGiven;
  Path currentFile;
  Path currentFileAsGiven;

  /** The source commands that led to the current file, innermost first; empty in the plan. */
  List<SourceLocation> via = List.of();

  final List<String> problems = new ArrayList<>();

  /** Every file sourced so far, absolute, first sourcing first: what else the plan is made of. */
  final Set<Path> sources = new LinkedHashSet<>();

  Scope(EvalContext context, Path planFile, Path planFileAsGiven) {
    this.context = context;
    this.planDir = planFile.getParent();
    Path givenDir = planFileAsGiven.getParent();
    this.planDirAsGiven = givenDir == null ? Path.of("") : givenDir;
    this.currentFile = planFile;
    this.currentFileAsGiven = planFileAsGiven;
    SourceLocation start = new SourceLocation(planFileAsGiven, 0);
    context.variables().forEach((name, value) -> set(name, value, start));
    set("PLAN_CONTEXT", planDir.toString(), start);
  }

  void set(String name, String value, SourceLocation at) {
    vars.put(name, List.of(new Field(value, at, null)));
  }

  List<Field> get(String name) {
    if (name.equals("BASH_SOURCE")) {
      return List.of(new Field(currentFile.toString(), location(0), null));
    }
    return vars.get(name);
  }

  SourceLocation location(int line) {
    return new SourceLocation(currentFileAsGiven, line, via);
  }

  /** How a file kiln reached by an absolute path is named in messages: beside the plan as given. */
  Path asGiven(Path absolute) {
    return asGiven(planDir, planDirAsGiven, absolute);
  }

  /**
   * {@code absolute} named as the plan's directory is named: {@code planDirAsGiven} joined to its
   * path from {@code planDir}.
   */
  static Path asGiven(Path planDir, Path planDirAsGiven, Path absolute) {
    if (absolute.startsWith(planDir.getRoot() == null ? Path.of("") : planDir.getRoot())) {
      try {
        return planDirAsGiven.resolve(planDir.relativize(absolute)).normalize();
      } catch (IllegalArgumentException e) {
        return absolute;
      }
    }
    return absolute;
  }

  void problem(String text) {
    problems.add(text);
  }
}
