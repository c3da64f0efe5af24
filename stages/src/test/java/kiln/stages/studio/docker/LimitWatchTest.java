package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioRun.Ending;
import org.junit.jupiter.api.Test;

class LimitWatchTest {

  final AtomicLong now = new AtomicLong(1_000);
  final LimitWatch watch =
      new LimitWatch(new BuildLimits(Duration.ofSeconds(10), Duration.ofSeconds(3)), now::get);

  @Test
  void aBuildThatKeepsTalkingRunsUntilTheWallClockLimit() {
    for (int second = 1; second < 10; second++) {
      advance(Duration.ofSeconds(1));
      watch.output();
      assertEquals(Optional.empty(), watch.passed(), "at " + second + " s");
    }
    advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(Ending.TIMED_OUT), watch.passed());
  }

  @Test
  void aBuildThatFallsSilentIsStoppedAtTheSilenceLimit() {
    advance(Duration.ofSeconds(2));
    watch.output();
    advance(Duration.ofMillis(2999));
    assertEquals(Optional.empty(), watch.passed());
    advance(Duration.ofMillis(1));
    assertEquals(Optional.of(Ending.SILENT_TOO_LONG), watch.passed());
  }

  @Test
  void theNextCheckIsWhenTheNearestLimitCouldPass() {
    assertEquals(Duration.ofSeconds(3).toNanos(), watch.nanosToNextLimit());
    advance(Duration.ofSeconds(8));
    watch.output();
    assertEquals(Duration.ofSeconds(2).toNanos(), watch.nanosToNextLimit());
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }
}
