package kiln.orchestrator;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kiln.orchestrator.history.BuildHistory;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

/** Ordering ready entries by estimated seconds instead of counted builds, on simulated runs. */
class TimedSchedulingTest {

  /**
   * Two quick hubs, each fanning out to six quick builds with one more after each (a chain of three
   * builds), and a chain of two 10-minute giants: counted in builds the hubs look longer.
   */
  static final StageWork FAN_OUT_AND_GIANTS = fanOutAndGiants();

  @Test
  void aLongChainBehindAShortFanOutStartsFirstAndTheRunIsShorter() {
    Map<EntryKey, Double> seconds = new HashMap<>();
    FAN_OUT_AND_GIANTS.keys().forEach(k -> seconds.put(k, 30.0));
    seconds.put(key("giant"), 600.0);
    seconds.put(key("giant2"), 600.0);
    RunSimulator two = RunSimulator.equalBuilders(2);
    Prediction byCount = two.run(FAN_OUT_AND_GIANTS, EntryWeights.COUNT, e -> seconds.get(e.key()));
    Prediction byTime = two.run(FAN_OUT_AND_GIANTS, weights(seconds), e -> seconds.get(e.key()));
    assertEquals(1200, byTime.makespanSeconds(), 1e-9, "the giants back to back from the start");
    assertEquals(1200, byTime.lowerBoundSeconds(), 1e-9);
    assertEquals(1410, byCount.makespanSeconds(), 1e-9, "the giants wait for the fan-out");
    assertEquals(
        List.of(key("giant"), key("giant2")),
        byTime.criticalPath().stream().map(Prediction.Step::key).toList());
  }

  @Test
  void withNoisyEstimatesNeverWorseThanCountsByMoreThanTheNoise() {
    Random random = new Random(14);
    for (int world = 0; world < 200; world++) {
      StageWork work = randomChains(random, 20 + random.nextInt(60));
      Map<EntryKey, Double> actual = new HashMap<>();
      Map<EntryKey, Double> estimated = new HashMap<>();
      for (EntryKey k : work.keys()) {
        double s = random.nextInt(10) == 0 ? 600 + random.nextInt(3000) : 10 + random.nextInt(110);
        actual.put(k, s);
        estimated.put(k, s * (0.7 + 0.6 * random.nextDouble())); // +-30%
      }
      RunSimulator builders = RunSimulator.equalBuilders(1 + random.nextInt(8));
      double byTime =
          builders.run(work, weights(estimated), e -> actual.get(e.key())).makespanSeconds();
      double byCount =
          builders.run(work, EntryWeights.COUNT, e -> actual.get(e.key())).makespanSeconds();
      assertTrue(
          byTime <= byCount * 1.3,
          "world " + world + ": " + byTime + "s by time against " + byCount + "s by count");
    }
  }

  @Test
  void equalEstimatedPathsGoToTheLongerChainInBuilds() {
    // x1, x2: 120s alone; y then z: 60s each, 120s too. In list order x1 and x2 would go first
    // and z would start last; as by count, y goes first and z overlaps x2.
    StageWork work = Worlds.world("x1\nx2\ny\nz: y");
    Map<EntryKey, Double> seconds =
        Map.of(key("x1"), 120.0, key("x2"), 120.0, key("y"), 60.0, key("z"), 60.0);
    RunSimulator two = RunSimulator.equalBuilders(2);
    EntryWeights secondsOnly = (stage, entry) -> seconds.get(entry.key());
    assertEquals(240, two.run(work, secondsOnly, e -> seconds.get(e.key())).makespanSeconds());
    Prediction run = two.run(work, weights(seconds), e -> seconds.get(e.key()));
    assertEquals(180, run.makespanSeconds(), 1e-9);
  }

  @Test
  void aSlowerBuilderTakesLongerAndTheBoundSaysSo() {
    StageWork work = Worlds.world("a\nb\nc\nd");
    Prediction run = new RunSimulator(List.of(1.0, 0.5)).run(work, EntryWeights.COUNT, e -> 60);
    // the fast builder takes a, c then d; the slow one b in 120s
    assertEquals(180, run.makespanSeconds(), 1e-9);
    assertEquals(240 / 1.5, run.lowerBoundSeconds(), 1e-9);
  }

  private static EntryWeights weights(Map<EntryKey, Double> seconds) {
    Map<PackageIdent, Double> byIdent = new HashMap<>();
    seconds.forEach((k, s) -> byIdent.put(k.ident(), s));
    return BuildHistory.ofSeconds(StageName.STAGE3, byIdent).weights();
  }

  private static StageWork fanOutAndGiants() {
    StringBuilder text = new StringBuilder();
    for (String hub : List.of("h1", "h2")) {
      text.append(hub).append('\n');
      for (int i = 1; i <= 6; i++) {
        text.append(hub).append('c').append(i).append(": ").append(hub).append('\n');
        text.append(hub).append('d').append(i).append(": ").append(hub).append('c').append(i);
        text.append('\n');
      }
    }
    return Worlds.world(text + "giant\ngiant2: giant");
  }

  /** Chains of 1 to 8 plans, each plan's chain sometimes also needing a plan of an earlier one. */
  private static StageWork randomChains(Random random, int plans) {
    StringBuilder text = new StringBuilder();
    String previous = null;
    for (int i = 0; i < plans; i++) {
      String name = "p" + i;
      text.append(name);
      List<String> deps = new java.util.ArrayList<>();
      if (previous != null && random.nextInt(8) != 0) {
        deps.add(previous);
      }
      if (i > 1 && random.nextInt(4) == 0) {
        deps.add("p" + random.nextInt(i - 1));
      }
      if (!deps.isEmpty()) {
        text.append(": ").append(String.join(" ", new java.util.TreeSet<>(deps)));
      }
      text.append('\n');
      previous = name;
    }
    return Worlds.world(text.toString());
  }
}
