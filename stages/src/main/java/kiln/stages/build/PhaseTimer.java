package kiln.stages.build;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long each phase of a build took, in order: where the time of a build goes. */
final class PhaseTimer {

  private final Map<String, Duration> phases = new LinkedHashMap<>();
  private final long start = System.nanoTime();
  private long last = start;

  /** Ends the phase running since the last mark. */
  void mark(String phase) {
    long now = System.nanoTime();
    phases.merge(phase, Duration.ofNanos(now - last), Duration::plus);
    last = now;
  }

  Map<String, Duration> phases() {
    return Map.copyOf(new LinkedHashMap<>(phases));
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
