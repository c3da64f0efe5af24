package kiln.orchestrator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import kiln.resume.EntryKey;

/**
 * The builds a scheduler has running, each with the host it was placed on, and the failures of the
 * stage with theirs: what to cut off when a host is lost, and what to queue again when one is
 * quarantined. The scheduler's thread owns it.
 */
final class PlacedBuilds {

  /**
   * One running build: its entry, its host, its log, when it started, and whether it was cut off.
   */
  static final class Run {
    final EntryKey key;
    final String host;
    final Path log;
    final long startedNanos = System.nanoTime();
    boolean cutOff;

    Run(EntryKey key, String host, Path log) {
      this.key = key;
      this.host = host;
      this.log = log;
    }

    Duration took() {
      return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
  }

  private final Map<Future<?>, Run> running = new HashMap<>();
  private final Map<EntryKey, String> failedOn = new HashMap<>();
  private final Map<EntryKey, List<EntryKey>> skippedBy = new HashMap<>();
  private final Set<String> quarantined = new java.util.HashSet<>();

  void started(Future<?> future, EntryKey key, String host, Path log) {
    running.put(future, new Run(key, host, log));
  }

  /** The run of a future that came back; it is no longer running. */
  Run ended(Future<?> future) {
    return running.remove(future);
  }

  /**
   * Cuts off the builds running on {@code hosts} (interrupting their threads, so their studios are
   * removed as far as the host still allows).
   *
   * @return the runs cut off; a build that had already finished is left to report
   */
  List<Run> cutOff(Set<String> hosts) {
    List<Run> cut = new ArrayList<>();
    for (Map.Entry<Future<?>, Run> e : running.entrySet()) {
      Run run = e.getValue();
      if (!run.cutOff && hosts.contains(run.host) && e.getKey().cancel(true)) {
        run.cutOff = true;
        cut.add(run);
      }
    }
    return cut;
  }

  /** {@code key} failed on {@code host}, and its failure set {@code skipped} aside. */
  void failed(EntryKey key, String host, List<EntryKey> skipped) {
    failedOn.put(key, host);
    skippedBy.put(key, List.copyOf(skipped));
  }

  /** The entries that failed on one of {@code hosts}, forgotten here. */
  List<EntryKey> failuresOn(Set<String> hosts) {
    List<EntryKey> keys =
        failedOn.entrySet().stream()
            .filter(e -> hosts.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    keys.forEach(failedOn::remove);
    return keys;
  }

  /**
   * Adds {@code newly} to the hosts quarantined in this stage and returns them all: a build still
   * running on a host when it was quarantined may fail after, and that failure is no verdict on its
   * plan either.
   */
  Set<String> quarantine(Set<String> newly) {
    quarantined.addAll(newly);
    return Set.copyOf(quarantined);
  }

  /** What {@code key}'s failure set aside. */
  List<EntryKey> skippedBy(EntryKey key) {
    return skippedBy.getOrDefault(key, List.of());
  }
}
