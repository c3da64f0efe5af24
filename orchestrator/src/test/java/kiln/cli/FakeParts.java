package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiln.orchestrator.FakeBuilder;
import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StagePlan;
import kiln.orchestrator.Worlds;
import kiln.resume.StageName;

/** Stage parts made of text worlds and fake builders, kept across commands of one test. */
final class FakeParts {

  static final String BASE = "gcc\nglibc: gcc\nbusybox: glibc\n";
  static final String WORLD = "zlib\ncurl: zlib\ngit: curl\njq\n";

  final Map<StageName, FakeBuilder> builders = new EnumMap<>(StageName.class);

  /** What each stage's builder was given: the tools tarball and the artifacts to install. */
  final Map<StageName, StageContext> contexts = new EnumMap<>(StageName.class);

  /** Every artifact the stage check was asked about, in order. */
  final List<Path> checked = new ArrayList<>();

  /** Artifact file name to the problem the stage2 check finds in it. */
  final Map<String, String> checkFailures = new ConcurrentHashMap<>();

  /** World plan name to the base plans it declares dependencies on (stage2 provides them). */
  final Map<String, List<String>> worldUsesBase = new ConcurrentHashMap<>();

  /** What each new builder's builds take, in ms, and where it logs its calls (null: nowhere). */
  long buildMillis;

  Path callLog;

  String base = BASE;
  String world = WORLD;
  int tarballsMade;
  volatile String stage0Failure;

  /**
   * A distribution in {@code dir} for these parts: its kiln.yaml (returned), and a plan.sh for each
   * plan they build, which the parts do not read but status looks for in the tree.
   */
  static Path distribution(Path dir) throws java.io.IOException {
    planTree(dir, "gcc glibc busybox ministd testkit zlib curl git jq");
    return Files.writeString(
        dir.resolve("kiln.yaml"),
        "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n");
  }

  BootstrapCommand.PartsFactory factory() {
    return config ->
        new PipelineParts(
            (cfg, log) -> {
              tarballsMade++;
              if (stage0Failure != null) {
                throw new kiln.orchestrator.StageException(stage0Failure);
              }
              try {
                Files.createDirectories(cfg.work());
                return Files.writeString(cfg.work().resolve("tools-1.tar.xz"), "tools");
              } catch (java.io.IOException e) {
                throw new kiln.orchestrator.StageException("cannot write the tarball", e);
              }
            },
            new PipelineParts.StageInputs() {
              @Override
              public StagePlan basePlans(kiln.orchestrator.config.KilnConfig cfg, StageName stage) {
                return StagePlan.of(Worlds.baseList(stage, base));
              }

              @Override
              public StagePlan world(kiln.orchestrator.config.KilnConfig cfg) {
                kiln.resume.StageWork work = Worlds.world(world);
                Map<kiln.resume.EntryKey, java.util.Set<kiln.world.PackageIdent>> declared =
                    new java.util.HashMap<>();
                for (kiln.resume.EntryKey key : work.keys()) {
                  java.util.Set<kiln.world.PackageIdent> uses = new java.util.HashSet<>();
                  worldUsesBase
                      .getOrDefault(key.ident().name(), List.of())
                      .forEach(b -> uses.add(Worlds.key(b).ident()));
                  declared.put(key, uses);
                }
                return new StagePlan(work, Map.of(), declared);
              }
            },
            context -> {
              contexts.put(context.stage(), context);
              return builder(context.stage(), context.results());
            },
            (stage, artifacts) -> {
              List<PipelineParts.Problem> problems = new ArrayList<>();
              if (stage == StageName.STAGE2) {
                checked.addAll(artifacts);
                for (Path artifact : artifacts) {
                  String what = checkFailures.get(artifact.getFileName().toString());
                  if (what != null) {
                    problems.add(new PipelineParts.Problem(artifact, what));
                  }
                }
              }
              return problems;
            });
  }

  /**
   * The folders a kiln.yaml for these parts names: a {@code plan.sh} per plan (the fake parts read
   * none, but status looks for each one in the tree), the base list and the tools spec.
   */
  static void planTree(Path dir, String plans) throws java.io.IOException {
    for (String plan : plans.split(" ")) {
      Files.createDirectories(dir.resolve("plans").resolve(plan));
      Files.writeString(dir.resolve("plans").resolve(plan).resolve("plan.sh"), "pkg_name=x\n");
    }
    Files.writeString(dir.resolve("base-plans.txt"), "plans/gcc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
  }

  synchronized FakeBuilder builder(StageName stage, Path results) {
    return builders.computeIfAbsent(
        stage,
        s -> {
          FakeBuilder builder = new FakeBuilder(results);
          builder.millis = buildMillis;
          builder.callLog = callLog;
          return builder;
        });
  }

  FakeBuilder world() {
    return builders.get(StageName.STAGE3);
  }
}
