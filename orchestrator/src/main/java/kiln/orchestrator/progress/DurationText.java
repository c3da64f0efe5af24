package kiln.orchestrator.progress;

import java.time.Duration;

/**
 * Durations as people read them in kiln's progress, summary and status: in words ({@code 1m 10s},
 * {@code 2h 5m}) or as a clock ({@code 1:10}, {@code 1:02:05}), never as {@code PT1M10S}.
 */
public final class DurationText {

  private DurationText() {}

  /**
   * {@code 42s}, {@code 1m 10s}, {@code 2h 5m}, {@code 3d 4h}: the two largest units, rounded to
   * the second (under a second: {@code 0s}).
   */
  public static String words(Duration duration) {
    if (duration.isNegative()) {
      return "-" + words(duration.negated());
    }
    long seconds = Math.round(duration.toMillis() / 1000.0);
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    StringBuilder text = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < sizes.length && shown < 2; i++) {
      long whole = seconds / sizes[i];
      if (whole > 0 || shown > 0) {
        if (whole > 0) {
          text.append(text.isEmpty() ? "" : " ").append(whole).append(units[i]);
        }
        seconds %= sizes[i];
        shown++;
      }
    }
    return text.isEmpty() ? "0s" : text.toString();
  }

  /** {@link #words(Duration)} of a number of seconds. */
  public static String words(double seconds) {
    return words(ofSeconds(seconds));
  }

  /** {@code 0:42}, {@code 1:10}, and from an hour on {@code 1:02:05}. */
  public static String clock(Duration duration) {
    long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format("%d:%02d:%02d", hours, minutes, rest)
        : String.format("%d:%02d", minutes, rest);
  }

  /** A duration of a number of seconds, to the millisecond. */
  public static Duration ofSeconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
