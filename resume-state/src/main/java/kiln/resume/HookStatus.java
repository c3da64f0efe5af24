package kiln.resume;

import java.util.Locale;

/** Where one run of a stage's hook stands. */
public enum HookStatus {
  /** Started; if kiln stopped since, it was cut off and runs again on resume. */
  RUNNING,
  /** Ended with exit code 0. */
  DONE,
  /** Ended with another exit code, or could not be run. */
  FAILED,
  /** Killed at the hooks' time limit. */
  TIMED_OUT;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The name the ledger uses, e.g. {@code timed_out}. */
  public String id() {
    return id;
  }

  /**
   * Reads {@link #id()}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static HookStatus parse(String id) {
    for (HookStatus status : values()) {
      if (status.id.equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("no hook status '" + id + "'");
  }
}
