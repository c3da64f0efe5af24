package kiln.orchestrator.config;

import java.nio.file.Path;
import java.util.List;

/** A config file kiln cannot use; lists every problem found, each with its line and key. */
public class ConfigException extends Exception {

  private final List<String> problems;

  public ConfigException(Path file, List<String> problems) {
    this(file, problems, null);
  }

  /** With the failure behind the problems, for {@code --stacktrace}. */
  public ConfigException(Path file, List<String> problems, Throwable cause) {
    super(
        file
            + " has "
            + (problems.size() == 1 ? "a problem" : problems.size() + " problems")
            + ":\n  "
            + String.join("\n  ", problems),
        cause);
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as {@code line N: key 'k': what is wrong (got 'v')}. */
  public List<String> problems() {
    return problems;
  }
}
