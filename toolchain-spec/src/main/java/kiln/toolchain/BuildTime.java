package kiln.toolchain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The time a tarball is made at: it names the file, and stamps the entries that have no time of
 * their own (scripts, implied directories). With {@code SOURCE_DATE_EPOCH} set it is that time, and
 * every entry gets it, so equal inputs make equal bytes.
 *
 * @param now the time for the name and for entries without a time of their own
 * @param fixed true when every entry's mtime is {@code now} (from SOURCE_DATE_EPOCH)
 */
public record BuildTime(Instant now, boolean fixed) {

  /** Whole seconds: tar keeps no more, and a stray fraction would break reproducibility. */
  public BuildTime {
    Objects.requireNonNull(now, "now");
    now = Instant.ofEpochSecond(now.getEpochSecond());
  }

  /**
   * The build time from the environment's {@code SOURCE_DATE_EPOCH} if set, else the clock.
   *
   * @throws IllegalArgumentException when SOURCE_DATE_EPOCH is not a whole number of seconds
   */
  public static BuildTime from(Clock clock, Map<String, String> environment) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return new BuildTime(clock.instant(), false);
    }
    try {
      return new BuildTime(Instant.ofEpochSecond(Long.parseLong(epoch.trim())), true);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "SOURCE_DATE_EPOCH='" + epoch + "' is not a number of seconds since 1970-01-01 UTC", e);
    }
  }

  /** The mtime for an entry whose source was last modified at {@code sourceTime}. */
  Instant mtimeFor(Instant sourceTime) {
    return fixed ? now : Instant.ofEpochSecond(sourceTime.getEpochSecond());
  }
}
