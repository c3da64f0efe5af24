package kiln.orchestrator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How one build ended. */
public sealed interface BuildOutcome {

  /**
   * The plan built.
   *
   * @param artifact the file it made
   * @param sha256 its hash when the builder computed it while writing the file; otherwise the
   *     scheduler hashes it
   * @param phases how long each phase of the build took, in order, as the builder measured them
   *     (empty when it does not): the ledger keeps them with the attempt
   */
  record Built(Path artifact, Optional<String> sha256, Map<String, Duration> phases)
      implements BuildOutcome {
    public Built {
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(sha256, "sha256");
      phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    public Built(Path artifact) {
      this(artifact, Optional.empty(), Map.of());
    }

    public Built(Path artifact, Map<String, Duration> phases) {
      this(artifact, Optional.empty(), phases);
    }

    public Built(Path artifact, Optional<String> sha256) {
      this(artifact, sha256, Map.of());
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

  /** Built, with the artifact's SHA-256 as the builder computed it while writing the file. */
  static BuildOutcome built(Path artifact, String sha256) {
    return new Built(artifact, Optional.of(sha256));
  }

  static BuildOutcome failed(String why) {
    return new Failed(why);
  }

  static BuildOutcome timedOut(String why) {
    return new TimedOut(why);
  }
}
