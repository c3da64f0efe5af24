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

  /**
   * Reads one plan.
   *
   * @param planFile the plan.sh as given (relative paths are kept in messages and {@link
   *     Plan#path()})
   * @param context the variables the plan sees (STUDIO_TYPE, FIRST_PASS, HAB_ORIGIN...)
   * @throws UnreadablePlanException when the plan sources a missing file, does not parse, has no
   *     pkg_name or an invalid name, origin or dependency; the message names file, line and value
   */
  public PlanReading read(Path planFile, EvalContext context) throws UnreadablePlanException {
    Path absolute = planFile.toAbsolutePath().normalize();
    Node.Block script = parse(absolute, planFile);
    Scope scope = new Scope(context, absolute, planFile);
    Interpreter interpreter = new Interpreter(scope, this::sourced);
    interpreter.run(script);
    PlanAssembler builder = new PlanAssembler(scope, planFile, interpreter.warnings());
    Plan plan = builder.build(interpreter.definesFunction("pkg_version"));
    List<Diagnostic> warnings = new ArrayList<>(interpreter.warnings());
    warnings.addAll(builder.warnings());
    return new PlanReading(plan, warnings);
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

  private static Node.Block parse(Path file, Path asGiven) throws UnreadablePlanException {
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
    } catch (ShellSyntaxException e) {
      throw new UnreadablePlanException(
          new Diagnostic(new SourceLocation(asGiven, e.line()), "bash syntax: " + e.getMessage()),
          e);
    }
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file); // UTF-8, the JDK's fast path
    } catch (CharacterCodingException e) {
      return Files.readString(file, StandardCharsets.ISO_8859_1); // an old plan in Latin-1
    }
  }
}
