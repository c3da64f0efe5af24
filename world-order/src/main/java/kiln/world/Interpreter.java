package kiln.world;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a parsed plan in a {@link Scope} the way sourcing it would, for the statements that set
 * variables: assignments, {@code source}, {@code if}/{@code case}/{@code for} and and-or lists.
 * Nothing is executed; what cannot be known statically and matters for the plan's identity or
 * dependencies is reported with its file and line.
 */
final class Interpreter {

  private static final int MAX_SOURCE_DEPTH = 16;
  private static final String HINT = " (kiln --eval sources plans with bash for an exact answer)";

  private final Scope scope;
  private final Expander expander;
  private final SourceLoader loader;
  private final Map<String, Boolean> functions = new HashMap<>();
  private final Set<Diagnostic> warnings = new LinkedHashSet<>();
  private int depth;

  Interpreter(Scope scope, SourceLoader loader) {
    this.scope = scope;
    this.expander = new Expander(scope);
    this.loader = loader;
  }

  List<Diagnostic> warnings() {
    return List.copyOf(warnings);
  }

  boolean definesFunction(String name) {
    return functions.containsKey(name);
  }

  Status run(Node.Block block) throws UnreadablePlanException {
    Status last = Status.TRUE;
    for (Node node : block.nodes()) {
      last = exec(node);
    }
    return last;
  }

  private Status exec(Node node) throws UnreadablePlanException {
    scope.problems.clear();
    if (node instanceof Node.Command c) {
      return command(c);
    } else if (node instanceof Node.Assign a) {
      assign(a);
      return Status.TRUE;
    } else if (node instanceof Node.Cond c) {
      return Conditions.doubleBracket(c.tokens(), scope, expander);
    } else if (node instanceof Node.If i) {
      return ifClause(i);
    } else if (node instanceof Node.AndOr a) {
      return andOr(a);
    } else if (node instanceof Node.Not n) {
      return exec(n.inner()).not();
    } else if (node instanceof Node.Function f) {
      functions.put(f.name(), f.setsTracked());
      return Status.TRUE;
    } else if (node instanceof Node.Group g) {
      return group(g);
    } else if (node instanceof Node.For f) {
      return forLoop(f);
    } else if (node instanceof Node.Case c) {
      return caseClause(c);
    } else if (node instanceof Node.Note n) {
      warn(n.line(), n.message());
      return Status.TRUE;
    } else if (node instanceof Node.Arith a) {
      scope.problem("'((" + Expander.oneLine(a.expression()) + "))': arithmetic is not evaluated");
      return Status.UNKNOWN;
    } else if (node instanceof Node.Loop l) {
      uncertain(l, "this loop is not run by the reader");
      return Status.TRUE;
    }
    uncertain(node, "this pipeline is not run by the reader");
    return Status.UNKNOWN;
  }

  private Status ifClause(Node.If i) throws UnreadablePlanException {
    for (int k = 0; k < i.conditions().size(); k++) {
      Node.Block condition = i.conditions().get(k);
      Status s = run(condition);
      List<String> problems = List.copyOf(scope.problems);
      if (s == Status.UNKNOWN || !problems.isEmpty()) {
        String why = problems.isEmpty() ? "it runs a command" : String.join("; ", problems);
        String taken =
            s == Status.UNKNOWN ? "took it as false" : "took it as " + s.name().toLowerCase();
        uncertain(
            i,
            condition.line(),
            "cannot evaluate this condition statically: " + why + "; " + taken);
      }
      if (s == Status.TRUE) {
        return run(i.bodies().get(k));
      }
    }
    return i.otherwise() == null ? Status.TRUE : run(i.otherwise());
  }

  private Status andOr(Node.AndOr a) throws UnreadablePlanException {
    Status s = exec(a.items().get(0));
    for (int k = 0; k < a.ops().size(); k++) {
      Node next = a.items().get(k + 1);
      boolean and = a.ops().get(k).equals("&&");
      if (s == Status.UNKNOWN) {
        uncertain(next, "cannot tell whether this runs; took it as not run");
      } else if (s == (and ? Status.TRUE : Status.FALSE)) {
        s = exec(next);
      }
    }
    return s;
  }

  private Status group(Node.Group g) throws UnreadablePlanException {
    if (!g.subshell()) {
      return run(g.body());
    }
    Map<String, List<Field>> saved = new HashMap<>(scope.vars);
    Status s = run(g.body());
    scope.vars.clear();
    scope.vars.putAll(saved);
    return s;
  }

  private Status forLoop(Node.For f) throws UnreadablePlanException {
    if (f.items() == null) {
      return Status.TRUE;
    }
    List<Field> items = new ArrayList<>();
    for (Word w : f.items()) {
      items.addAll(expander.fields(w));
    }
    warnProblems(f, f.line(), "the list of this for loop");
    for (Field item : items) {
      scope.vars.put(f.variable(), List.of(item));
      run(f.body());
    }
    return Status.TRUE;
  }

  private Status caseClause(Node.Case c) throws UnreadablePlanException {
    Field subject = expander.scalar(c.subject());
    if (!subject.exact()) {
      uncertain(c, "cannot evaluate the subject of this case statically: " + subject.problem());
      return Status.UNKNOWN;
    }
    warnProblems(c, c.line(), "the subject of this case");
    for (Node.CaseArm arm : c.arms()) {
      for (Word pattern : arm.patterns()) {
        if (subject.text().matches(expander.pattern(pattern))) {
          return run(arm.body());
        }
      }
    }
    return Status.TRUE;
  }

  private Status command(Node.Command c) throws UnreadablePlanException {
    if (c.words().isEmpty()) {
      for (Node.Assign a : c.assigns()) {
        assign(a);
      }
      return Status.TRUE;
    }
    String name = c.words().get(0).plainText();
    name = name == null ? expander.scalar(c.words().get(0)).text() : name;
    List<Word> args = c.words().subList(1, c.words().size());
    switch (name) {
      case "source", ".":
        return source(c, args);
      case "export", "declare", "local", "readonly", "typeset":
        for (Node.Assign a : c.assigns()) {
          assign(a);
        }
        return Status.TRUE;
      case "unset":
        args.stream()
            .map(Word::plainText)
            .filter(w -> w != null && !w.startsWith("-"))
            .forEach(scope.vars::remove);
        return Status.TRUE;
      case "true", ":", "echo", "printf", "set", "shopt", "update_pkg_version", "return":
        return Status.TRUE;
      case "false":
        return Status.FALSE;
      case "[":
        return args.isEmpty() || !args.get(args.size() - 1).is("]")
            ? Status.UNKNOWN
            : Conditions.test(args.subList(0, args.size() - 1), scope, expander);
      case "test":
        return Conditions.test(args, scope, expander);
      default:
        if (Boolean.TRUE.equals(functions.get(name))) {
          warn(
              c.line(),
              "calls "
                  + name
                  + "(), which sets a pkg_ setting; the reader does not run functions"
                  + HINT);
        }
        return Status.UNKNOWN;
    }
  }

  private Status source(Node.Command c, List<Word> args) throws UnreadablePlanException {
    if (args.isEmpty()) {
      return Status.FALSE;
    }
    Field target = expander.scalar(args.get(0));
    if (!target.exact()) {
      warn(c.line(), "cannot tell which file is sourced: " + target.problem() + HINT);
      return Status.UNKNOWN;
    }
    Path file = scope.planDir.resolve(target.text()).normalize();
    if (!Files.isRegularFile(file)) {
      throw unreadable(c.line(), missingSource(target.text(), scope.asGiven(file)));
    }
    if (depth >= MAX_SOURCE_DEPTH) {
      throw unreadable(c.line(), "sources files " + MAX_SOURCE_DEPTH + " deep: a loop?");
    }
    scope.sources.add(file);
    Path savedFile = scope.currentFile;
    Path savedGiven = scope.currentFileAsGiven;
    List<SourceLocation> savedVia = scope.via;
    List<SourceLocation> via = new ArrayList<>(savedVia.size() + 1);
    via.add(new SourceLocation(savedGiven, c.line()));
    via.addAll(savedVia);
    scope.currentFile = file;
    scope.currentFileAsGiven = scope.asGiven(file);
    scope.via = List.copyOf(via);
    depth++;
    try {
      Node.Block block;
      try {
        block = loader.load(file, scope.currentFileAsGiven);
      } catch (UnreadablePlanException e) {
        // Parsed once for all plans: the chain of this plan is added here.
        SourceLocation at = e.diagnostic().where();
        throw new UnreadablePlanException(
            new Diagnostic(
                new SourceLocation(at.file(), at.line(), scope.via), e.diagnostic().message()),
            e);
      }
      return run(block);
    } finally {
      depth--;
      scope.currentFile = savedFile;
      scope.currentFileAsGiven = savedGiven;
      scope.via = savedVia;
    }
  }

  private void assign(Node.Assign a) {
    List<Field> value;
    if (a.isArray()) {
      value = new ArrayList<>();
      for (Word w : a.elements()) {
        value.addAll(expander.fields(w));
      }
    } else {
      value = new ArrayList<>(List.of(expander.scalar(a.value())));
    }
    List<Field> old = scope.vars.get(a.name());
    if (a.append() && old != null) {
      if (a.isArray()) {
        value.addAll(0, old);
      } else if (!old.isEmpty()) {
        Field first = old.get(0);
        Field added = value.get(0);
        String problem = first.problem() != null ? first.problem() : added.problem();
        value = new ArrayList<>(old);
        value.set(0, new Field(first.text() + added.text(), added.at(), problem));
      }
    }
    scope.vars.put(a.name(), value);
    if (Tracked.SETTINGS.contains(a.name())) {
      warnProblems(a, a.line(), a.name());
    }
  }

  private void warnProblems(Node node, int line, String what) {
    if (!scope.problems.isEmpty() && Tracked.touches(node)) {
      warn(
          line,
          "cannot evaluate " + what + " statically: " + String.join("; ", scope.problems) + HINT);
    } else if (!scope.problems.isEmpty() && node instanceof Node.Assign) {
      warn(
          line,
          "cannot evaluate " + what + " statically: " + String.join("; ", scope.problems) + HINT);
    }
  }

  private void uncertain(Node node, String message) {
    uncertain(node, node.line(), message);
  }

  private void uncertain(Node node, int line, String message) {
    if (Tracked.touches(node)) {
      warn(line, message + HINT);
    }
  }

  private void warn(int line, String message) {
    warnings.add(new Diagnostic(scope.location(line), message));
  }

  /** The message for a source of a missing file; --eval says it in the same words. */
  static String missingSource(String word, Path resolved) {
    return "sources '" + word + "', which does not exist (" + resolved + ")";
  }

  private UnreadablePlanException unreadable(int line, String message) {
    return new UnreadablePlanException(new Diagnostic(scope.location(line), message));
  }

  /** Parses files the plan sources; the reader shares one so a base plan is parsed once. */
  interface SourceLoader {
    Node.Block load(Path file, Path asGiven) throws UnreadablePlanException;
  }
}
