package kiln.resume;

import java.util.Locale;

/** Where one entry of a stage stands. */
public enum EntryStatus {
  /** Waiting to be built (also: set back in the queue by a retry). */
  QUEUED,
  /** Handed to a builder; still in flight if kiln stopped since. */
  BUILDING,
  /** Built; the artifact and its sha256 are recorded. */
  BUILT,
  /** The build failed; its log says why. */
  FAILED,
  /** Set aside: a plan it depends on failed, or the user said so. */
  SKIPPED,
  /** Killed at the build time limit. */
  TIMED_OUT;

  /** The name the ledger and {@code kiln status --json} use, e.g. {@code timed_out}. */
  public String id() {
    return id;
  }

  private final String id = name().toLowerCase(Locale.ROOT);

  /**
   * Reads {@link #id()}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static EntryStatus parse(String id) {
    for (EntryStatus status : values()) {
      if (status.id.equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("no entry status '" + id + "'");
  }

  /** True for the states a build ended in badly: failed or timed out. */
  public boolean isFailure() {
    return this == FAILED || this == TIMED_OUT;
  }
}
