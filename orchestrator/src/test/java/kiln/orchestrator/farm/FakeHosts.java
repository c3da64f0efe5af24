package kiln.orchestrator.farm;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Build hosts for tests: engines that answer until told not to, on a clock the test moves. */
public final class FakeHosts implements HostProbe {

  private final Map<String, String> down = new ConcurrentHashMap<>();
  public final Map<String, Integer> pings = new ConcurrentHashMap<>();
  public final MovableClock clock = new MovableClock();

  /** A host {@code name} on its own socket, {@code jobs} at once, {@code speed} fast. */
  public static HostSpec host(String name, int jobs, double speed) {
    return new HostSpec(
        name, new HostEndpoint.Unix(Path.of("/run/fake/" + name + ".sock")), jobs, speed);
  }

  /** A pool of these hosts on this probe and clock. */
  public HostPool pool(HostSpec... hosts) {
    return new HostPool(List.of(hosts), this, clock);
  }

  /** {@code host}'s engine stops answering. */
  public void stop(String host) {
    down.put(host, "no Docker engine answers at " + host);
  }

  /** {@code host}'s engine answers again. */
  public void start(String host) {
    down.remove(host);
  }

  @Override
  public Optional<String> problem(HostSpec host) {
    pings.merge(host.name(), 1, Integer::sum);
    return Optional.ofNullable(down.get(host.name()));
  }

  /** A clock that moves only when told. */
  public static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T01:00:00Z");

    public void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
