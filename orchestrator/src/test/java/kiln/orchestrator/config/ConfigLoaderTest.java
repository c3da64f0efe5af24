package kiln.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kiln.resume.StageName;
import kiln.stages.build.NetworkPolicy;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @BeforeEach
  void distribution() throws Exception {
    distribution(dir);
  }

  /** What a kiln.yaml's required keys name: a plans folder, a base list, a tools spec. */
  static void distribution(Path dir) throws java.io.IOException {
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("base-plans.txt"), "plans/gcc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
  }

  Path config(String text) throws Exception {
    return Files.writeString(dir.resolve("kiln.yaml"), text);
  }

  @Test
  void readsTheIssueExampleResolvingPathsBesideTheFile() throws Exception {
    KilnConfig config =
        ConfigLoader.load(
            config(
                """
                origin: demo
                target: x86_64-linux
                plans: [plans]                  # dirs searched for plan.sh
                base-plans: base-plans.txt
                toolchain: tools.yaml
                studio: auto
                backline: [demo/bash, demo/busybox]
                keys: keys
                check: false
                jobs: 1
                work: .kiln
                """));
    assertEquals("demo", config.origin());
    assertEquals(List.of(dir.resolve("plans")), config.plans());
    assertEquals(dir.resolve("base-plans.txt"), config.basePlans());
    assertEquals(Optional.of(dir.resolve("tools.yaml")), config.toolchain());
    assertEquals(Optional.empty(), config.toolsTarball());
    assertEquals(KilnConfig.StudioChoice.AUTO, config.studio());
    assertEquals(
        List.of(PackageIdent.of("demo", "bash"), PackageIdent.of("demo", "busybox")),
        config.backline());
    assertEquals(dir.resolve(".kiln"), config.work());
    assertEquals(dir.resolve("keys"), config.keys());
    assertEquals(dir.resolve("results-stage2"), config.results(StageName.STAGE2));
  }

  @Test
  void aTargetKilnDoesNotKnowIsRefusedLikeTheTargetOption() throws Exception {
    List<String> problems =
        assertThrows(
                ConfigException.class,
                () ->
                    ConfigLoader.load(
                        config(
                            "origin: demo\ntarget: mips-linux\nplans: plans\n"
                                + "base-plans: base-plans.txt\ntoolchain: tools.yaml\n")))
            .problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "line 2: key 'target': unknown target (one of x86_64-linux, x86_64-linux-kernel2,"),
        problems.get(0));
    assertTrue(problems.get(0).endsWith("(got \"mips-linux\")"), problems.get(0));
  }

  @Test
  void fillsInDefaults() throws Exception {
    KilnConfig config =
        ConfigLoader.load(
            config(
                "origin: demo\nplans: plans\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n"));
    assertEquals("x86_64-linux", config.target());
    assertEquals(1, config.jobs());
    assertEquals(false, config.check());
    assertEquals(KilnConfig.StudioChoice.AUTO, config.studio());
    assertEquals(dir.resolve(".kiln"), config.work());
    assertEquals(Duration.ofHours(6), config.limits().wallClock());
    assertEquals(Duration.ofHours(1), config.limits().silence());
    assertEquals(NetworkPolicy.DOWNLOAD, config.network());
  }

  @Test
  void readsBuildLimitsAndTheNetworkPolicy() throws Exception {
    KilnConfig config =
        ConfigLoader.load(
            config(
                "origin: demo\nplans: plans\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n"
                    + "timeout: 2h30m\nsilence-timeout: 45m\nnetwork: never\n"));
    assertEquals(Duration.ofMinutes(150), config.limits().wallClock());
    assertEquals(Duration.ofMinutes(45), config.limits().silence());
    assertEquals(NetworkPolicy.NEVER, config.network());
  }

  @Test
  void reportsBadLimitsAndNetworkTogether() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    config(
                        "origin: demo\nplans: plans\nbase-plans: base-plans.txt\n"
                            + "toolchain: tools.yaml\ntimeout: soon\nsilence-timeout: 0s\n"
                            + "network: always\n")));
    assertEquals(
        List.of(
            "line 5: key 'timeout': want a duration such as 30s, 90m, 2h or 1h30m (got \"soon\")",
            "line 6: key 'silence-timeout': want a duration such as 30s, 90m, 2h or 1h30m"
                + " (got \"0s\")",
            "line 7: key 'network': want download (a plan's own remote download only) or never"
                + " (got \"always\")"),
        e.problems());
  }

  @Test
  void reportsEveryProblemAtOnceNamingLineKeyAndValue() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    config(
                        """
                        origin: "de mo"
                        plans: [plans, nowhere]
                        base-plans: base-plans.txt
                        toolchain: tools.yaml
                        tools-tarball: tools.yaml
                        studio: podman
                        backline: [bash]
                        check: maybe
                        jobs: 0
                        colour: blue
                        """)));
    List<String> problems = e.problems();
    assertEquals(8, problems.size(), String.join("\n", problems));
    assertTrue(
        problems.get(0).startsWith("line 10: unknown key 'colour' (known keys: origin, target,"));
    assertTrue(
        problems.contains(
            "line 1: key 'origin': letters, digits, '-' and '_' only (got \"de mo\")"));
    assertTrue(
        problems.contains(
            "line 2: key 'plans': no folder "
                + dir.resolve("nowhere")
                + " (got [\"plans\",\"nowhere\"])"));
    assertTrue(
        problems.contains("line 6: key 'studio': want auto, docker or chroot (got \"podman\")"));
    assertTrue(problems.contains("line 9: key 'jobs': want a whole number from 1 to 256 (got 0)"));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 8: key 'check'")));
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("line 7: key 'backline': not a package ident: 'bash'")));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(
                        "line 5: key 'tools-tarball': give 'toolchain' or 'tools-tarball', not both")));
    assertTrue(e.getMessage().contains("has 8 problems"));
  }

  @Test
  void publishNamesTheRepositoryBesideTheFileWithStageThreeAndThreeKeptByDefault()
      throws Exception {
    String base =
        "origin: demo\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n";

    KilnConfig plain = ConfigLoader.load(config(base));
    KilnConfig given = ConfigLoader.load(config(base + "publish: {repo: ../repo}\n"));
    KilnConfig full =
        ConfigLoader.load(config(base + "publish:\n  repo: out\n  stage: stage2\n  keep: 0\n"));

    assertEquals(Optional.empty(), plain.publish());
    assertEquals(
        Optional.of(new PublishSettings(StageName.STAGE3, dir.getParent().resolve("repo"), 3)),
        given.publish());
    assertEquals(
        Optional.of(new PublishSettings(StageName.STAGE2, dir.resolve("out"), 0)), full.publish());
  }

  @Test
  void aBadPublishIsReportedWithItsLine() throws Exception {
    String base =
        "origin: demo\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n";

    ConfigException noRepo =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(config(base + "publish: {stage: stage3, colour: red}\n")));
    ConfigException badStage =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(config(base + "publish: {repo: r, stage: stage0}\n")));

    assertEquals(
        List.of(
            "line 5: key 'publish': unknown member 'colour' (known: repo, stage, keep)"
                + " (got {\"stage\":\"stage3\",\"colour\":\"red\"})",
            "line 5: key 'publish': 'repo' must name the repository folder"
                + " (got {\"stage\":\"stage3\",\"colour\":\"red\"})"),
        noRepo.problems());
    assertTrue(
        badStage
            .problems()
            .get(0)
            .startsWith("line 5: key 'publish': stage0 makes a tools tarball"),
        badStage.problems().toString());
  }

  @Test
  void namesMissingKeys() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config("")));
    assertEquals(
        List.of(
            "missing key 'origin'",
            "missing key 'plans'",
            "missing key 'base-plans'",
            "missing key 'toolchain' (the stage0 spec) or 'tools-tarball' (a ready one)"),
        e.problems());
  }

  @Test
  void reportsADuplicateKeyWithTheOtherProblems() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    config(
                        "origin: demo\nplans: [plans]\nbase-plans: base-plans.txt\n"
                            + "toolchain: tools.yaml\norigin: other\njobs: many\n")));
    assertEquals(
        List.of(
            "line 5: key 'origin' twice (first on line 1)",
            "line 6: key 'jobs': want a whole number from 1 to 256 (got \"many\")"),
        e.problems());
  }

  @Test
  void pointsAtBrokenYaml() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(config("origin: demo\nplans: [a\n")));
    assertTrue(e.problems().get(0).contains("not valid YAML"), e.getMessage());
  }
}
