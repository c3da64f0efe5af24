package kiln.world;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The variables a plan sees before its first line: {@code STUDIO_TYPE}, {@code FIRST_PASS}, {@code
 * HAB_ORIGIN}, {@code pkg_target} and whatever a base-plans entry adds.
 *
 * @param variables names to values; every name a valid shell variable name
 */
public record EvalContext(Map<String, String> variables) {

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The default target of a plan without a target directory. */
  public static final String DEFAULT_TARGET = "x86_64-linux";

  public EvalContext {
    for (var entry : variables.entrySet()) {
      if (!VARIABLE.matcher(entry.getKey()).matches()) {
        throw new IllegalArgumentException("invalid variable name '" + entry.getKey() + "'");
      }
      Objects.requireNonNull(entry.getValue(), entry.getKey());
    }
    variables = Map.copyOf(variables);
  }

  /**
   * The context core-plans' print-deps sources plans in: a stage1 studio on a first pass, for the
   * default target.
   */
  public static EvalContext stage1() {
    return new EvalContext(
        Map.of("STUDIO_TYPE", "stage1", "FIRST_PASS", "true", "pkg_target", DEFAULT_TARGET));
  }

  /** This context with more variables set (or overridden). */
  public EvalContext with(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(variables);
    merged.putAll(more);
    return new EvalContext(merged);
  }

  /** This context without a variable. */
  public EvalContext without(String name) {
    Map<String, String> less = new LinkedHashMap<>(variables);
    less.remove(name);
    return new EvalContext(less);
  }

  /** This context with one variable set. */
  public EvalContext with(String name, String value) {
    return with(Map.of(name, value));
  }

  /**
   * Parses {@code VAR=value} as base-plans files and the command line write it.
   *
   * @throws IllegalArgumentException naming the text when it is not an assignment
   */
  public static Map.Entry<String, String> parseAssignment(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || !VARIABLE.matcher(text.substring(0, eq)).matches()) {
      throw new IllegalArgumentException("not a VAR=value assignment: '" + text + "'");
    }
    return Map.entry(text.substring(0, eq), text.substring(eq + 1));
  }
}
