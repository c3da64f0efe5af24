package kiln.orchestrator;

import java.nio.file.Path;
import java.util.Objects;

/** How one build ended. */
public sealed interface BuildOutcome {

  /** The plan built; {@code artifact} is the file it made (the scheduler hashes it). */
  record Built(Path artifact) implements BuildOutcome {
    public Built {
      Objects.requireNonNull(artifact, "artifact");
    }
  }

  /** The plan's build failed; {@code why} is one line (the log has the rest). */
  record Failed(String why) implements BuildOutcome {}

  /** The build was killed at a time limit; {@code why} says which. */
  record TimedOut(String why) implements BuildOutcome {}

  static BuildOutcome built(Path artifact) {
    return new Built(artifact);
  }

  static BuildOutcome failed(String why) {
    return new Failed(why);
  }

  static BuildOutcome timedOut(String why) {
    return new TimedOut(why);
  }
}
