package kiln.world;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads plan.sh files without running them: a small evaluator for the bash that plans use
 * (assignments, arrays over many lines, {@code +=}, quoting, expansions of earlier variables,
 * {@code source}, {@code if}/{@code case}/{@code for} over the variables of an {@link
 * EvalContext}). Functions are not run. The result is the plan's ident, static version and
 * dependencies (pkg_build_deps, pkg_deps, pkg_scaffolding, each cut to origin/name, each with the
 * line that declared it).
 *
 * <p>Thread-safe: one reader may read many plans in parallel; files that several plans source (a
 * base plan sourced by its variants) are parsed once.
 */
public final class PlanReader {

  private final Map<Path, Node.Block> sourced = new ConcurrentHashMap<>();
  private final SyntaxCheck bash;

  /** A reader that asks {@code bash -n} about the rare file its own parser refuses. */
  public PlanReader() {
    this(SyntaxCheck.bash());
  }

  PlanReader(SyntaxCheck bash) {
    this.bash = bash;
  }

  /**
   * Reads one plan.
   *
   * @param planFile the plan.sh as given (relative paths are kept in messages and {@link
   *     Plan#path()})
   * @param context the variables the plan sees (STUDIO_TYPE, FIRST_PASS, HAB_ORIGIN...)
   * @throws UnreadablePlanException when the plan sources a missing file, does not parse (for bash
   *     either), has no pkg_name or an invalid name, origin or dependency; the message names file,
   *     line and value
   */
  public PlanReading read(Path planFile, EvalContext context) throws UnreadablePlanException {
    Path absolute = planFile.toAbsolutePath().normalize();
    Node.Block script = parse(absolute, planFile);
    Scope scope = new Scope(context, absolute, planFile);
    Interpreter interpreter = new Interpreter(scope, this::sourced);
    interpreter.run(script);
    PlanAssembler builder = new PlanAssembler(scope, planFile, interpreter.warnings());
    Plan plan;
    try {
      plan = builder.build(interpreter.definesFunction("pkg_version"));
    } catch (UnreadablePlanException e) {
      throw steppedOver(e, interpreter.warnings());
    }
    List<Diagnostic> warnings = new ArrayList<>(interpreter.warnings());
    warnings.addAll(builder.warnings());
    return new PlanReading(plan, warnings);
  }

  /**
   * A plan without a name or origin whose setting was in lines the parser stepped over (bash parses
   * them): say where it was, not only that there is none.
   */
  private static UnreadablePlanException steppedOver(
      UnreadablePlanException e, List<Diagnostic> warnings) {
    String message = e.diagnostic().message();
    String setting =
        message.equals(PlanAssembler.NO_NAME)
            ? "pkg_name"
            : message.equals(PlanAssembler.NO_ORIGIN) ? "pkg_origin" : null;
    for (Diagnostic w : warnings) {
      if (setting != null && Recovery.lost(w.message()).contains(setting)) {
        return new UnreadablePlanException(
            new Diagnostic(w.where(), message + ", as far as the reader sees: " + w.message()));
      }
    }
    return e;
  }

  /**
   * Runs a plan's statements without building a plan from them: the variables it leaves, each with
   * the line that set it. {@code --eval} looks up there where bash set what it reports.
   *
   * @return the plan's variables, or null when the static reader cannot run the plan
   */
  Scope evaluate(Path planFile, EvalContext context) {
    try {
      Path absolute = planFile.toAbsolutePath().normalize();
      Node.Block script = parse(absolute, planFile);
      Scope scope = new Scope(context, absolute, planFile);
      new Interpreter(scope, this::sourced).run(script);
      return scope;
    } catch (UnreadablePlanException | RuntimeException e) {
      return null;
    }
  }

  private Node.Block sourced(Path file, Path asGiven) throws UnreadablePlanException {
    Node.Block block = sourced.get(file);
    if (block == null) {
      block = parse(file, asGiven);
      sourced.put(file, block);
    }
    return block;
  }

  /**
   * Parses as bash does. Where the reader's parser refuses the text it tries two ways before the
   * file is unreadable: here-documents ending at their delimiter indented (the plan syntax guide
   * writes them so; bash then reads on to the end of the file, so the plan says what it means and
   * bash does not), and, when bash itself parses the file, {@link Recovery}. Either adds a warning.
   */
  private Node.Block parse(Path file, Path asGiven) throws UnreadablePlanException {
    String text;
    try {
      text = read(file);
    } catch (IOException e) {
      throw new UnreadablePlanException(
          new Diagnostic(new SourceLocation(asGiven, 0), "cannot read it: " + IoFailures.reason(e)),
          e);
    }
    try {
      return new ShellParser(text).parse();
    } catch (ShellSyntaxException strict) {
      try {
        Node.Block block = ShellParser.lenient(text).parse();
        return withNote(block, strict.line(), indentedHeredocs(strict));
      } catch (ShellSyntaxException lenient) {
        if (bash.accepts(file)) {
          return Recovery.parse(text);
        }
      }
      throw new UnreadablePlanException(
          new Diagnostic(
              new SourceLocation(asGiven, strict.line()), "bash syntax: " + strict.getMessage()),
          strict);
    }
  }

  private static String indentedHeredocs(ShellSyntaxException strict) {
    return "bash cannot parse this plan ("
        + strict.getMessage()
        + "): a here-document ends at a delimiter line that is indented; read as the plan means it"
        + " (bash reads such a here-document on to the end of the file)";
  }

  private static Node.Block withNote(Node.Block block, int line, String message) {
    List<Node> nodes = new ArrayList<>(block.nodes().size() + 1);
    nodes.add(new Node.Note(line, message));
    nodes.addAll(block.nodes());
    return new Node.Block(block.line(), List.copyOf(nodes));
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file); // UTF-8, the JDK's fast path
    } catch (CharacterCodingException e) {
      return Files.readString(file, StandardCharsets.ISO_8859_1); // an old plan in Latin-1
    }
  }
}
