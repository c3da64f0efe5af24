package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;

/**
 * A builder that writes a small artifact per entry, fails or times out the entries it is told to,
 * and checks that no entry starts before its deps finished.
 */
public final class FakeBuilder implements EntryBuilder {

  /** The phase times every build reports. */
  public static final Map<String, Duration> PHASES = Map.of("build pass", Duration.ofMillis(1250));

  public final Path results;
  public final Set<String> failing = ConcurrentHashMap.newKeySet();
  public final Set<String> timingOut = ConcurrentHashMap.newKeySet();

  /** Builds that run until kiln stops them, and then finish: the stop came at their last step. */
  public final Set<String> finishingWhenStopped = ConcurrentHashMap.newKeySet();

  /** Builds that run until kiln stops them, and are abandoned then. */
  public final Set<String> hanging = ConcurrentHashMap.newKeySet();

  public final List<EntryKey> started = new ArrayList<>();
  public final Map<EntryKey, Integer> builds = new ConcurrentHashMap<>();
  public final Set<EntryKey> finished = ConcurrentHashMap.newKeySet();
  public final List<String> violations = new ArrayList<>();
  public final AtomicInteger running = new AtomicInteger();
  public final AtomicInteger mostAtOnce = new AtomicInteger();
  public volatile long millis;

  /**
   * When set, each build first appends {@code stage key} to this file (so a test can count builder
   * calls across kiln processes) and stamps its artifact with the process and time, so an artifact
   * built again by a restarted kiln differs from the one before, as a real one would.
   */
  public volatile Path callLog;

  public FakeBuilder(Path results) {
    this.results = results;
  }

  public FakeBuilder failing(String... keys) {
    failing.addAll(List.of(keys));
    return this;
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws InterruptedException {
    EntryKey key = entry.key();
    synchronized (this) {
      started.add(key);
      Set<EntryKey> missing = new HashSet<>(entry.deps());
      missing.removeAll(finished);
      if (!missing.isEmpty()) {
        violations.add(key + " started before " + missing);
      }
    }
    builds.merge(key, 1, Integer::sum);
    logCall(stage, key);
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      if (finishingWhenStopped.contains(key.toString())) {
        try {
          Thread.sleep(120_000);
        } catch (InterruptedException stopped) {
          // done all the same
        }
      } else if (hanging.contains(key.toString())) {
        Thread.sleep(600_000);
      } else if (millis > 0) {
        Thread.sleep(millis); // stands for the build's work
      }
      Files.writeString(
          log,
          "building " + key + "\nline 2\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      if (failing.contains(key.toString())) {
        Files.writeString(log, "error: it broke\n", java.nio.file.StandardOpenOption.APPEND);
        return BuildOutcome.failed("exit code 1");
      }
      if (timingOut.contains(key.toString())) {
        return BuildOutcome.timedOut("no output for 1h");
      }
      Path artifact = results.resolve(key.toString().replaceAll("[/ ]", "-") + ".hart");
      Files.createDirectories(results);
      Files.writeString(artifact, key + " build " + builds.get(key) + stamp());
      finished.add(key);
      return BuildOutcome.built(artifact, PHASES);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      running.decrementAndGet();
    }
  }

  private void logCall(StageName stage, EntryKey key) {
    Path calls = callLog;
    if (calls == null) {
      return;
    }
    try {
      Files.writeString(
          calls,
          stage.id() + " " + key + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String stamp() {
    return callLog == null
        ? ""
        : " by " + ProcessHandle.current().pid() + " at " + System.nanoTime();
  }

  public synchronized List<String> startedNames() {
    return started.stream().map(k -> k.toString().substring(2)).toList();
  }
}
