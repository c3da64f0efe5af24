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

  /**
   * This diagnostic led by the plan it concerns when it is about a file the plan sources ({@code
   * x/plan.sh: m/common.sh:2 (sourced from x/plan.sh:3): ...}); else as {@link #toString()}.
   */
  public String withPlan() {
    return where.sourced() ? where.plan() + ": " + this : toString();
  }

  /** How an unreadable plan is reported: the plan left out, then where and why. */
  public String leftOut() {
    return (where.sourced() ? where.plan() + ": " : "") + "unreadable, left out: " + this;
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
