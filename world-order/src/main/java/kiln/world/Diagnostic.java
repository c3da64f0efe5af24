package kiln.world;

import java.util.Objects;

/**
 * A warning or error about a plan, anchored where a maintainer can act on it.
 *
 * @param where the file and line concerned
 * @param message what is wrong and, where it helps, what to do
 */
public record Diagnostic(SourceLocation where, String message) {

  public Diagnostic {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
