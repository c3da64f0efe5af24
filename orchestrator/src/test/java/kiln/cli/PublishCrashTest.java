package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.publish.IndexEntry;
import kiln.stages.publish.RepositoryIndex;
import kiln.stages.publish.SignedIndex;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code kiln publish} (a JVM of its own) with SIGKILL at random moments while it publishes a
 * release that differs from the current one: after every kill the repository's {@code latest} is
 * exactly the release before or exactly the new one, its index verifies and every artifact it lists
 * is whole.
 */
class PublishCrashTest {

  static final int KILLS = 10;
  static final int EXTRAS = 12;

  @TempDir Path tmp;

  @Test
  void aKilledPublishLeavesTheOldReleaseOrTheNewOneNeverAMix() throws Exception {
    long seed = Long.getLong("kiln.crash.seed", System.nanoTime());
    System.out.println(
        "publish crash test: seed " + seed + " (again: -Dkiln.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    PublishableDistribution demo = new PublishableDistribution(tmp.resolve("demo"), "");
    Path repo = tmp.resolve("repo");
    Path results = demo.dir.resolve("results-stage3");
    Path aside = demo.dir.resolve("aside");
    List<String> extras = new ArrayList<>();
    for (int i = 0; i < EXTRAS; i++) {
      String ident = "demo/extra" + i + "/1.0/20261203000000";
      extras.add(
          demo.hart(
                  "aside",
                  ident,
                  List.of(PublishableDistribution.LIBGREET, PublishableDistribution.GLIBC),
                  128 * 1024)
              .getFileName()
              .toString());
    }
    demo.publish(repo);
    Set<String> small = state(repo, demo.keys);

    boolean extrasInResults = false;
    long window = 0;
    long buildWindow = 0;
    int midPublish = 0;
    int sawNew = 0;
    for (int i = 0; i <= KILLS; i++) {
      Set<String> before = state(repo, demo.keys);
      // publish whichever set latest does not hold
      boolean grow = before.equals(small);
      if (grow != extrasInResults) {
        for (String extra : extras) {
          Path from = (grow ? aside : results).resolve(extra);
          Files.move(from, (grow ? results : aside).resolve(extra));
        }
        extrasInResults = grow;
      }
      long started = System.nanoTime();
      Process kiln =
          ChildJvm.with("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
              .main(Kiln.class, publish(demo, repo))
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("publish-" + i + ".log").toFile())
              .start();
      if (i == 0) {
        // the first one runs to its end, to time a publish's life and its building phase
        long building = untilBuilding(kiln, repo);
        assertEquals(0, kiln.waitFor(), Files.readString(tmp.resolve("publish-0.log")));
        long ended = System.nanoTime();
        window = (ended - started) / 1_000_000;
        buildWindow = Math.max(20, (ended - building) / 1_000_000);
      } else {
        // odd kills come at any moment of its life, even ones once it builds the release
        long delay = random.nextLong(i % 2 == 1 ? window : buildWindow);
        if (i % 2 == 0) {
          untilBuilding(kiln, repo);
        }
        if (!kiln.waitFor(delay, TimeUnit.MILLISECONDS)) {
          kiln.destroyForcibly(); // SIGKILL
          assertTrue(kiln.waitFor(1, TimeUnit.MINUTES), "a killed kiln is gone");
          midPublish += i % 2 == 0 ? 1 : 0;
        }
      }
      Set<String> after = state(repo, demo.keys);
      Set<String> target = grow ? union(small, extras) : small;
      assertTrue(
          after.equals(before) || after.equals(target),
          "kill "
              + i
              + ": latest holds "
              + after
              + ", neither the old "
              + before
              + " nor the new "
              + target);
      sawNew += after.equals(target) ? 1 : 0;
    }
    System.out.printf(
        "publish crash test: %d kills (windows: %d ms of life, %d ms of building), %d killed"
            + " while building a release, %d times the new release was in%n",
        KILLS, window, buildWindow, midPublish, sawNew);

    // what the killed ones left does not stop the next
    assertEquals(0, CliRun.of(publish(demo, repo)).exit());
    assertTrue(!hiddenLeftovers(repo), "the next publish removes what a killed one left");
  }

  private static String[] publish(PublishableDistribution demo, Path repo) {
    return new String[] {
      "publish", "--config", demo.config.toString(), "--repo", repo.toString(), "--keep", "1"
    };
  }

  /** The packages {@code latest} holds, after checking its index and every artifact it lists. */
  private static Set<String> state(Path repo, Path keys) throws Exception {
    Path latest = repo.resolve("latest");
    RepositoryIndex index = SignedIndex.read(latest.resolve("INDEX"), OriginKeys.in(keys));
    Set<String> idents = new TreeSet<>();
    for (IndexEntry entry : index.packages()) {
      Path file = latest.resolve(entry.file());
      assertEquals(entry.size(), Files.size(file), file.toString());
      String sha256 =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      assertEquals(entry.sha256(), sha256, file.toString());
      idents.add(entry.ident().toString());
    }
    return idents;
  }

  private static Set<String> union(Set<String> small, List<String> extraFiles) {
    Set<String> all = new TreeSet<>(small);
    for (int i = 0; i < extraFiles.size(); i++) {
      all.add("demo/extra" + i + "/1.0/20261203000000");
    }
    return all;
  }

  /**
   * Polls until the child starts writing the repository: a new entry in {@code releases/} (or it
   * ends).
   *
   * @return when it was seen, in {@link System#nanoTime}
   */
  private static long untilBuilding(Process kiln, Path repo) throws Exception {
    Set<String> before = entries(repo.resolve("releases"));
    while (kiln.isAlive() && before.containsAll(entries(repo.resolve("releases")))) {
      Thread.sleep(1);
    }
    return System.nanoTime();
  }

  private static Set<String> entries(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static boolean hiddenLeftovers(Path repo) throws Exception {
    try (Stream<Path> list = Files.list(repo.resolve("releases"))) {
      return list.anyMatch(p -> p.getFileName().toString().startsWith("."));
    }
  }
}
