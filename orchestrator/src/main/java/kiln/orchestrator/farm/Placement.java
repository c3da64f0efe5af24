package kiln.orchestrator.farm;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.orchestrator.BuildOutcome;
import kiln.orchestrator.BuildPlaces;
import kiln.resume.HostEvent;

/**
 * One stage's placement of builds on a {@link HostPool}: the most urgent ready build (the scheduler
 * asks in that order) goes to the fastest up host with a free slot, as OpenBSD's dpb places them;
 * equally fast hosts in kiln.yaml's order. An ordered stage (stage1, stage2) runs one build at a
 * time, on any host.
 */
public final class Placement implements BuildPlaces {

  private final HostPool pool;
  private final boolean ordered;
  private final Map<String, Integer> busy = new HashMap<>();
  private final Comparator<String> fastestFirst;

  Placement(HostPool pool, boolean ordered) {
    this.pool = pool;
    this.ordered = ordered;
    var order = pool.hosts().stream().map(HostSpec::name).toList();
    this.fastestFirst =
        Comparator.<String>comparingDouble(h -> -pool.spec(h).speed())
            .thenComparingInt(order::indexOf);
  }

  @Override
  public int capacity() {
    return ordered ? 1 : pool.hosts().stream().mapToInt(HostSpec::jobs).sum();
  }

  @Override
  public Optional<String> claim() {
    if (ordered && busy.values().stream().mapToInt(Integer::intValue).sum() >= 1) {
      return Optional.empty();
    }
    Optional<String> host =
        pool.hosts().stream()
            .map(HostSpec::name)
            .filter(h -> pool.state(h) == HostHealth.State.UP)
            .filter(h -> busy.getOrDefault(h, 0) < pool.spec(h).jobs())
            .min(fastestFirst);
    host.ifPresent(h -> busy.merge(h, 1, Integer::sum));
    return host;
  }

  @Override
  public boolean release(String host, Optional<BuildOutcome> outcome, Duration took) {
    busy.merge(host, -1, Integer::sum);
    boolean built = outcome.isPresent() && outcome.get() instanceof BuildOutcome.Built;
    if (!built && pool.lostUnderBuild(host)) {
      return true;
    }
    if (outcome.isEmpty()) {
      // its engine answers, but its builder could not work there (an image, a copy, a socket)
      pool.studioFailed(host, "its studio could not run a build; the build's log says why");
      return true;
    }
    pool.finished(host, built, took);
    return false;
  }

  @Override
  public void cutOff(String host) {
    busy.merge(host, -1, Integer::sum);
  }

  @Override
  public Set<String> lost() {
    return pool.drainLost();
  }

  @Override
  public List<String> hosts() {
    return pool.hosts().stream().map(HostSpec::name).toList();
  }

  @Override
  public List<HostEvent> hostChanges() {
    return pool.drainChanges();
  }

  @Override
  public Set<String> quarantined() {
    return pool.drainQuarantined();
  }

  @Override
  public Optional<String> noneUsable() {
    return pool.noneUp();
  }
}
