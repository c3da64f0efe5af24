package kiln.resume;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A change of a build host's standing in a run over several (kiln.yaml {@code hosts}), as the
 * ledger records it: a {@code host} record, written by the scheduler when it hears of the change.
 *
 * @param host the host's name, as kiln.yaml and the {@code building} records give it
 * @param change what happened to it
 * @param reason for {@code lost} and {@code quarantined}: one line about why; otherwise null
 * @param at when the ledger recorded it
 */
public record HostEvent(String host, Change change, String reason, Instant at) {

  /** What happened to a host. */
  public enum Change {
    /** Its engine stopped answering: its builds went elsewhere, it is asked again later. */
    LOST,
    /** A lost host's engine answers again: it takes builds. */
    REJOINED,
    /** It failed what the others build: out for the rest of the session. */
    QUARANTINED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The name the ledger and {@code kiln status --json} use, e.g. {@code quarantined}. */
    public String id() {
      return id;
    }

    /**
     * Reads {@link #id()}.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Change parse(String id) {
      for (Change change : values()) {
        if (change.id.equals(id)) {
          return change;
        }
      }
      throw new IllegalArgumentException("no host change '" + id + "'");
    }
  }

  public HostEvent {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a host event needs the host's name");
    }
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(at, "at");
    if (reason != null && reason.isBlank()) {
      reason = null;
    }
    if ((change == Change.REJOINED) != (reason == null)) {
      throw new IllegalArgumentException(
          "build host " + host + ": a reason goes with lost and quarantined only, not " + change);
    }
  }
}
