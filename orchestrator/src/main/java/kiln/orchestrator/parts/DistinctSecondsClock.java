package kiln.orchestrator.parts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock for release timestamps: each reading is a later whole second than the one before. A
 * release is {@code yyyyMMddHHmmss}, so two builds of one plan in the same second (a base list's
 * FIRST_PASS entry and the full pass right after it) would otherwise make one ident twice.
 */
final class DistinctSecondsClock extends Clock {

  private final Clock wall;
  private Instant last = Instant.EPOCH;

  DistinctSecondsClock(Clock wall) {
    this.wall = wall;
  }

  @Override
  public synchronized Instant instant() {
    Instant now = wall.instant().truncatedTo(ChronoUnit.SECONDS);
    last = now.isAfter(last) ? now : last.plusSeconds(1);
    return last;
  }

  @Override
  public ZoneId getZone() {
    return wall.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("release clocks are UTC");
  }
}
