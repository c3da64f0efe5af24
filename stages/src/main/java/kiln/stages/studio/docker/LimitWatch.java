package kiln.stages.studio.docker;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioRun.Ending;

/**
 * Keeps time for one build: when it started, when it last printed something, and which limit (if
 * any) it has passed. The clock is a nanosecond source so tests can move it by hand.
 */
final class LimitWatch {

  private final BuildLimits limits;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong lastOutput;

  LimitWatch(BuildLimits limits, LongSupplier clock) {
    this.limits = limits;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastOutput = new AtomicLong(start);
  }

  /** The build printed something just now. */
  void output() {
    lastOutput.set(clock.getAsLong());
  }

  /** The limit the build has passed by now, if any; the wall clock wins when both have. */
  Optional<Ending> passed() {
    long now = clock.getAsLong();
    if (now - start >= limits.wallClock().toNanos()) {
      return Optional.of(Ending.TIMED_OUT);
    }
    if (now - lastOutput.get() >= limits.silence().toNanos()) {
      return Optional.of(Ending.SILENT_TOO_LONG);
    }
    return Optional.empty();
  }

  /** How long until a limit could next be passed, at least one millisecond. */
  long nanosToNextLimit() {
    long now = clock.getAsLong();
    long wall = start + limits.wallClock().toNanos() - now;
    long silent = lastOutput.get() + limits.silence().toNanos() - now;
    return Math.max(1_000_000, Math.min(wall, silent));
  }

  long elapsedNanos() {
    return clock.getAsLong() - start;
  }
}
