package kiln.orchestrator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How one build ended. */
public sealed interface BuildOutcome {

  /**
   * The plan built; {@code artifact} is the file it made. {@code sha256} is its hash when the
   * builder computed it while writing the file; otherwise the scheduler hashes it.
   */
  record Built(Path artifact, Optional<String> sha256) implements BuildOutcome {
    public Built {
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(sha256, "sha256");
    }

    public Built(Path artifact) {
      this(artifact, Optional.empty());
    }
  }

  /** The plan's build failed; {@code why} is one line (the log has the rest). */
  record Failed(String why) implements BuildOutcome {}

  /** The build was killed at a time limit; {@code why} says which. */
  record TimedOut(String why) implements BuildOutcome {}

  static BuildOutcome built(Path artifact) {
    return new Built(artifact);
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
