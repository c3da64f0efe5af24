package kiln.world;

import java.util.List;
import java.util.Objects;

/**
 * A plan read, with what the reader could not evaluate exactly.
 *
 * @param plan the plan
 * @param warnings statements that may make the plan's identity or dependencies differ from what
 *     bash would give, each with its file and line
 */
public record PlanReading(Plan plan, List<Diagnostic> warnings) {

  public PlanReading {
    Objects.requireNonNull(plan, "plan");
    warnings = List.copyOf(warnings);
  }
}
