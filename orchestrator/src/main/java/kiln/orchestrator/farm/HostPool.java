package kiln.orchestrator.farm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kiln.resume.HostEvent;

/**
 * A run's build hosts and how each stands. A watch asks every up host's engine every {@link
 * #PING_EVERY}; two misses in a row (or one failed build whose host then does not answer) make it
 * lost, well within 30 seconds; a lost host is asked again with a growing back-off and rejoins when
 * it answers. Each stage places its builds through a {@link Placement} of this pool.
 */
public final class HostPool implements AutoCloseable {

  /** How often the watch asks each up host. */
  public static final Duration PING_EVERY = Duration.ofSeconds(5);

  /** Pings missed in a row that make an up host lost. */
  static final int MISSES_ALLOWED = 2;

  private final Map<String, HostSpec> specs = new LinkedHashMap<>();
  private final Map<String, HostHealth> health = new LinkedHashMap<>();
  private final HostProbe probe;
  private final Clock clock;
  private final List<HostEvent> changes = new ArrayList<>();
  private final Set<String> newlyLost = new LinkedHashSet<>();
  private final Set<String> newlyQuarantined = new LinkedHashSet<>();
  private ScheduledExecutorService watch;
  private volatile Consumer<String> rejoined = host -> {};

  /**
   * @param hosts the hosts, in kiln.yaml's order (the order among equally fast hosts)
   * @param probe asks an engine whether it answers (its changes are told through each stage's
   *     {@link Placement#hostChanges}, so that the scheduler records them)
   * @param clock the watch's and back-off's time
   */
  public HostPool(List<HostSpec> hosts, HostProbe probe, Clock clock) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a host pool needs at least one host");
    }
    for (HostSpec host : hosts) {
      if (specs.putIfAbsent(host.name(), host) != null) {
        throw new IllegalArgumentException("two build hosts are named " + host.name());
      }
      health.put(host.name(), new HostHealth());
    }
    this.probe = probe;
    this.clock = clock;
  }

  /** Starts the watch on a thread of its own; {@link #close} ends it. */
  public synchronized void startWatch() {
    if (watch == null) {
      watch =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "kiln-host-watch");
                t.setDaemon(true);
                return t;
              });
      long every = PING_EVERY.toMillis();
      watch.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Tells {@code then} the name of each host that rejoins, on the watch's thread, once the host is
   * up again (to clear what its loss left there).
   */
  public void whenRejoined(Consumer<String> then) {
    this.rejoined = then;
  }

  /** One round of the watch: asks every up host, and every lost host whose retry is due. */
  public void check() {
    for (HostSpec host : List.copyOf(specs.values())) {
      HostHealth.State state;
      synchronized (this) {
        HostHealth h = health.get(host.name());
        state = h.state();
        if (state == HostHealth.State.QUARANTINED
            || (state == HostHealth.State.LOST && !h.retryDue(clock.instant()))) {
          continue;
        }
      }
      Optional<String> problem = probe.problem(host); // outside the lock: it may take seconds
      if (answered(host, problem)) {
        rejoined.accept(host.name());
      }
    }
  }

  /** Counts a probe's {@code problem} against {@code host}; true when the host just rejoined. */
  private synchronized boolean answered(HostSpec host, Optional<String> problem) {
    HostHealth h = health.get(host.name());
    if (h.state() == HostHealth.State.UP) {
      if (problem.isEmpty()) {
        h.answered();
      } else if (h.missedPing(problem.get(), MISSES_ALLOWED, clock.instant())) {
        becameLost(host.name(), problem.get());
      }
    } else if (h.state() == HostHealth.State.LOST) {
      if (problem.isEmpty()) {
        h.rejoin();
        changes.add(new HostEvent(host.name(), HostEvent.Change.REJOINED, null, clock.instant()));
        return true;
      } else {
        h.retryFailed(problem.get(), clock.instant());
      }
    }
    return false;
  }

  /** A new placement of this pool's hosts for one stage ({@code ordered}: one build at a time). */
  public Placement places(boolean ordered) {
    return new Placement(this, ordered);
  }

  /** The hosts in kiln.yaml's order. */
  public List<HostSpec> hosts() {
    return List.copyOf(specs.values());
  }

  /** Each host's standing now: up, lost or quarantined, and why. */
  public synchronized List<HostStanding> standings() {
    List<HostStanding> all = new ArrayList<>();
    for (HostSpec host : specs.values()) {
      HostHealth h = health.get(host.name());
      all.add(new HostStanding(host, h.state().name().toLowerCase(java.util.Locale.ROOT), h.why()));
    }
    return all;
  }

  /** A host's name, spec and standing, for progress and {@code kiln hosts}. */
  public record HostStanding(HostSpec host, String state, String why) {}

  synchronized HostHealth.State state(String host) {
    return health.get(host).state();
  }

  HostSpec spec(String host) {
    return specs.get(host);
  }

  /**
   * A build on {@code host} ended badly or oddly: asks its engine at once, so a host that died
   * under a build is lost now, not at the watch's next round.
   *
   * @return true when the host is (now) lost
   */
  boolean lostUnderBuild(String host) {
    synchronized (this) {
      if (health.get(host).state() == HostHealth.State.LOST) {
        return true;
      }
    }
    Optional<String> problem = probe.problem(specs.get(host));
    synchronized (this) {
      if (problem.isPresent() && health.get(host).state() == HostHealth.State.UP) {
        health.get(host).lose(problem.get(), clock.instant());
        becameLost(host, problem.get());
      }
      return health.get(host).state() == HostHealth.State.LOST;
    }
  }

  /** Marks an up host lost for {@code why}. */
  synchronized void lose(String host, String why) {
    HostHealth h = health.get(host);
    if (h.state() == HostHealth.State.UP) {
      h.lose(why, clock.instant());
      becameLost(host, why);
    }
  }

  /** Counts a finished build of {@code host}, and quarantines the host when the rule says so. */
  synchronized void finished(String host, boolean built, Duration took) {
    HostHealth h = health.get(host);
    if (built) {
      h.built();
      return;
    }
    h.failed(took);
    quarantineIfDue(host, h);
  }

  /**
   * Its engine answers, but its studio could not run a build there (an image, a copy, a container
   * start): a quick failure of the host's own, however long it took to tell. The host is
   * quarantined when the rule says so. Until then it stays up, since its engine answers: its next
   * builds come at once, and a broken studio is told within three builds rather than after retries
   * a short run may never reach. The last usable host, which is never quarantined, is lost for
   * {@link HostHealth#FIRST_RETRY} instead, so that the run stops rather than failing there in a
   * loop.
   */
  synchronized void studioFailed(String host, String why) {
    HostHealth h = health.get(host);
    h.failed(Duration.ZERO);
    if (!quarantineIfDue(host, h) && otherUsable(host).isEmpty()) {
      lose(host, why);
    }
  }

  private List<HostHealth> otherUsable(String host) {
    return health.entrySet().stream()
        .filter(e -> !e.getKey().equals(host) && e.getValue().state() == HostHealth.State.UP)
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Quarantines an up {@code host} if the rule says so; true when it did. */
  private boolean quarantineIfDue(String host, HostHealth h) {
    Optional<String> verdict = Quarantine.verdict(host, h, otherUsable(host));
    if (verdict.isEmpty() || h.state() != HostHealth.State.UP) {
      return false;
    }
    h.quarantine(verdict.get());
    newlyQuarantined.add(host);
    changes.add(new HostEvent(host, HostEvent.Change.QUARANTINED, verdict.get(), clock.instant()));
    return true;
  }

  /** The hosts' changes (lost, rejoined, quarantined) since the last call, in order. */
  synchronized List<HostEvent> drainChanges() {
    List<HostEvent> drained = List.copyOf(changes);
    changes.clear();
    return drained;
  }

  synchronized Set<String> drainLost() {
    Set<String> lost = Set.copyOf(newlyLost);
    newlyLost.clear();
    return lost;
  }

  synchronized Set<String> drainQuarantined() {
    Set<String> quarantined = Set.copyOf(newlyQuarantined);
    newlyQuarantined.clear();
    return quarantined;
  }

  /** Why no host can take a build now; empty while one is up. */
  synchronized Optional<String> noneUp() {
    if (health.values().stream().anyMatch(h -> h.state() == HostHealth.State.UP)) {
      return Optional.empty();
    }
    List<String> each = new ArrayList<>();
    health.forEach((name, h) -> each.add(name + ": " + h.why()));
    return Optional.of(
        "no build host can take builds (every one is lost or quarantined): "
            + String.join("; ", each)
            + ". The run stops here; run `kiln bootstrap` again when a host answers (`kiln"
            + " hosts` shows them)");
  }

  private void becameLost(String host, String problem) {
    newlyLost.add(host);
    changes.add(new HostEvent(host, HostEvent.Change.LOST, problem, clock.instant()));
  }

  @Override
  public synchronized void close() {
    if (watch != null) {
      watch.shutdownNow();
      watch = null;
    }
  }
}
