package kiln.world;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What reading one plan file gave: a plan (with warnings) or why it is unreadable.
 *
 * @param file the plan file as given
 * @param reading the plan read, or null when unreadable
 * @param failure why the plan is unreadable, or null when read
 */
public record PlanOutcome(Path file, PlanReading reading, Diagnostic failure) {

  public PlanOutcome {
    Objects.requireNonNull(file, "file");
    if ((reading == null) == (failure == null)) {
      throw new IllegalArgumentException("a plan is either read or unreadable: " + file);
    }
  }

  public static PlanOutcome read(Path file, PlanReading reading) {
    return new PlanOutcome(file, reading, null);
  }

  public static PlanOutcome unreadable(Path file, Diagnostic failure) {
    return new PlanOutcome(file, null, failure);
  }
}
