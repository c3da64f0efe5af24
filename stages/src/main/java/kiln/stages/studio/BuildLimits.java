package kiln.stages.studio;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a build is given up on.
 *
 * @param wallClock the longest a build may run in all
 * @param silence the longest a build may go without printing anything: a hung build is killed long
 *     before the wall-clock limit
 */
public record BuildLimits(Duration wallClock, Duration silence) {

  private static final Pattern DURATION = Pattern.compile("(?:\\d+[dhms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

  public BuildLimits {
    if (wallClock.isNegative() || wallClock.isZero() || silence.isNegative() || silence.isZero()) {
      throw new IllegalArgumentException(
          "build limits must be positive: timeout "
              + format(wallClock)
              + ", silence timeout "
              + format(silence));
    }
  }

  /**
   * A duration as {@link #parseDuration} reads it and a user writes it: {@code 4s}, {@code 1h30m},
   * {@code 2d}; a part of a second as milliseconds ({@code 250ms}), zero as {@code 0s}.
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    StringBuilder text = new StringBuilder();
    long seconds = duration.getSeconds();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        text.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    int millis = duration.toMillisPart();
    if (millis > 0 || text.isEmpty()) {
      text.append(millis > 0 ? millis + "ms" : "0s");
    }
    return text.toString();
  }

  /** Generous limits for a world rebuild: six hours in all, one hour of silence. */
  public static BuildLimits defaults() {
    return new BuildLimits(Duration.ofHours(6), Duration.ofHours(1));
  }

  /** These limits with another wall-clock limit. */
  public BuildLimits withWallClock(Duration limit) {
    return new BuildLimits(limit, silence);
  }

  /** These limits with another silence limit. */
  public BuildLimits withSilence(Duration limit) {
    return new BuildLimits(wallClock, limit);
  }

  /**
   * Parses a limit as {@code --timeout} and kiln.yaml write it: a number and a unit (s, m, h, d),
   * or several run together, e.g. {@code 30s}, {@code 90m}, {@code 2h}, {@code 1h30m}.
   *
   * @param where the option or key being read, for the message
   * @throws IllegalArgumentException naming {@code where}, the text and the expected form
   */
  public static Duration parseDuration(String text, String where) {
    String trimmed = text == null ? "" : text.trim();
    if (!DURATION.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          where + " '" + text + "': expected a duration such as 30s, 90m, 2h or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    try {
      while (part.find()) {
        long n = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "d" -> Duration.ofDays(n);
                  case "h" -> Duration.ofHours(n);
                  case "m" -> Duration.ofMinutes(n);
                  default -> Duration.ofSeconds(n);
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(where + " '" + text + "': too long", e);
    }
    if (total.isZero()) {
      throw new IllegalArgumentException(where + " '" + text + "': must be more than zero");
    }
    return total;
  }
}
