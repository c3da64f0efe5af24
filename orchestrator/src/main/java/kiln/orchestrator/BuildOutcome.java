package kiln.orchestrator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How one build ended. */
public sealed interface BuildOutcome {

  /**
   * The plan built.
   *
   * @param artifact the file it made (the scheduler hashes it)
   * @param phases how long each phase of the build took, in order, as the builder measured them
   *     (empty when it does not): the ledger keeps them with the attempt
   */
  record Built(Path artifact, Map<String, Duration> phases) implements BuildOutcome {
    public Built {
      Objects.requireNonNull(artifact, "artifact");
      phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }
  }

  /** The plan's build failed; {@code why} is one line (the log has the rest). */
  record Failed(String why) implements BuildOutcome {}

  /** The build was killed at a time limit; {@code why} says which. */
  record TimedOut(String why) implements BuildOutcome {}

  static BuildOutcome built(Path artifact) {
    return new Built(artifact, Map.of());
  }

  static BuildOutcome built(Path artifact, Map<String, Duration> phases) {
    return new Built(artifact, phases);
  }

  static BuildOutcome failed(String why) {
    return new Failed(why);
  }

  static BuildOutcome timedOut(String why) {
    return new TimedOut(why);
  }
}
