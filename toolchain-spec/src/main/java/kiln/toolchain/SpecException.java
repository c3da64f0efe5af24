package kiln.toolchain;

import java.nio.file.Path;
import java.util.List;

/** A spec file that cannot be used; the message lists every problem, one per line. */
public final class SpecException extends Exception {

  private final transient List<String> problems;

  SpecException(Path specFile, List<String> problems) {
    this(specFile, problems, null);
  }

  SpecException(Path specFile, List<String> problems, Throwable cause) {
    super(format(specFile, problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, e.g. {@code files[2].to: '../etc' leaves tools/}. */
  public List<String> problems() {
    return problems;
  }

  private static String format(Path specFile, List<String> problems) {
    if (problems.size() == 1) {
      return specFile + ": " + problems.get(0);
    }
    StringBuilder message = new StringBuilder(specFile + " has " + problems.size() + " problems:");
    problems.forEach(problem -> message.append("\n  ").append(problem));
    return message.toString();
  }
}
