package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioInput.HostPath;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerStudioIT {

  static DockerStudio studio;
  static Path tools;
  static final BuildLimits LIMITS = new BuildLimits(Duration.ofMinutes(2), Duration.ofMinutes(1));

  @TempDir Path tmp;

  @BeforeAll
  static void connect(@TempDir Path work) throws Exception {
    studio = DockerStudio.connect(StudioOwner.current(work));
    tools = TestTools.tarball();
  }

  static final Map<String, String> STAGE1_ENV =
      Map.of("PATH", "/bin:/tools/bin", "STUDIO_TYPE", "stage1");

  static StudioSpec stage1(List<StudioInput> mounts, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(STAGE1_ENV);
    all.putAll(env);
    return new StudioSpec(StudioType.STAGE1, Optional.of(tools), List.of(), mounts, all, false);
  }

  @Test
  void runsACommandInAStage1Studio() throws Exception {
    Path log = tmp.resolve("build.log");
    StudioRun run =
        studio.run(
            stage1(List.of(), Map.of("FOO", "bar")),
            List.of("/bin/bash", "-c", "echo \"$STUDIO_TYPE $PATH $FOO\"; readlink /bin/sh; env"),
            log,
            LIMITS);
    String out = Files.readString(log);
    assertTrue(run.succeeded(), out);
    assertTrue(out.startsWith("stage1 /bin:/tools/bin bar\n/tools/bin/bash\n"), out);
    assertFalse(out.contains("HOSTNAME="), out);
    assertFalse(out.contains("HOME="), out);
  }

  @Test
  void nothingABuildLeavesBehindReachesTheNextBuild() throws Exception {
    Path log = tmp.resolve("build.log");
    String litter = "touch /root/.litter /tmp/litter /hab/cache/src/litter.tar.gz";
    assertTrue(studio.run(stage1(List.of(), Map.of()), sh(litter), log, LIMITS).succeeded());

    String look = "ls -a /root /tmp /hab/cache/src; test ! -e /tmp/litter";
    StudioRun next = studio.run(stage1(List.of(), Map.of()), sh(look), log, LIMITS);

    assertTrue(next.succeeded(), Files.readString(log));
    assertFalse(Files.readString(log).contains("litter"), Files.readString(log));
  }

  @Test
  void mountsThePlanReadOnlyAndTheResultsWritable() throws Exception {
    Path plan = Files.createDirectories(tmp.resolve("plan"));
    Files.writeString(plan.resolve("plan.sh"), "pkg_name=demo\n");
    Path results = Files.createDirectories(tmp.resolve("results"));
    List<StudioInput> mounts =
        List.of(new HostPath(plan, "/src", true), new HostPath(results, "/results", false));
    Path log = tmp.resolve("build.log");

    StudioRun run =
        studio.run(
            stage1(mounts, Map.of()),
            sh("pwd; cat plan.sh > /results/copy; touch /src/nope || echo read-only"),
            log,
            LIMITS);

    String out = Files.readString(log);
    assertTrue(run.succeeded(), out);
    assertTrue(out.startsWith("/src\n"), out);
    assertTrue(out.contains("read-only"), out);
    assertEquals("pkg_name=demo\n", Files.readString(results.resolve("copy")));
    assertFalse(Files.exists(plan.resolve("nope")));
  }

  @Test
  void hasNoNetworkUnlessAsked() throws Exception {
    Path log = tmp.resolve("build.log");
    StudioRun run = studio.run(stage1(List.of(), Map.of()), sh("ls /sys/class/net"), log, LIMITS);
    assertTrue(run.succeeded(), Files.readString(log));
    assertEquals("lo\n", Files.readString(log));
  }

  @Test
  void aFailingBuildReportsItsExitCodeAndLeavesNoContainer() throws Exception {
    Path log = tmp.resolve("build.log");
    StudioRun run = studio.run(stage1(List.of(), Map.of()), sh("echo oops; exit 7"), log, LIMITS);
    assertEquals(StudioRun.Ending.EXITED, run.ending());
    assertEquals(7, run.exitCode());
    assertEquals("oops\n", Files.readString(log));
    assertEquals(List.of(), Containers.labelled(StudioOwner.RUN, studio.owner().runId()));
  }

  @Test
  void aHungBuildIsKilledAtTheWallClockLimitAndItsLogKept() throws Exception {
    Path log = tmp.resolve("build.log");
    BuildLimits limits = new BuildLimits(Duration.ofSeconds(2), Duration.ofMinutes(1));
    StudioRun run =
        studio.run(stage1(List.of(), Map.of()), sh("echo started; sleep 600"), log, limits);
    assertEquals(StudioRun.Ending.TIMED_OUT, run.ending());
    assertTrue(run.elapsed().compareTo(Duration.ofSeconds(10)) < 0, run.elapsed().toString());
    String out = Files.readString(log);
    assertEquals("started\n", out, "the log is kept as the build left it");
    assertEquals(List.of(), Containers.labelled(StudioOwner.RUN, studio.owner().runId()));
  }

  @Test
  void aSilentBuildIsKilledAtTheSilenceLimit() throws Exception {
    Path log = tmp.resolve("build.log");
    BuildLimits limits = new BuildLimits(Duration.ofMinutes(1), Duration.ofSeconds(2));
    String chatty = "for i in 1 2 3; do echo $i; sleep 1; done; sleep 600";
    StudioRun run = studio.run(stage1(List.of(), Map.of()), sh(chatty), log, limits);
    assertEquals(StudioRun.Ending.SILENT_TOO_LONG, run.ending());
    assertTrue(run.elapsed().compareTo(Duration.ofSeconds(4)) > 0, run.elapsed().toString());
    assertTrue(Files.readString(log).startsWith("1\n2\n3\n"), Files.readString(log));
    assertEquals(List.of(), Containers.labelled(StudioOwner.RUN, studio.owner().runId()));
  }

  @Test
  void theStage1ImageIsBuiltOncePerTarball() throws Exception {
    StudioSpec spec = stage1(List.of(), Map.of());
    String first = studio.imageFor(spec);
    long start = System.nanoTime();
    String again = studio.imageFor(spec);
    assertEquals(first, again);
    assertTrue(first.startsWith("kiln-stage1:"), first);
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "reusing the image should not rebuild");
  }

  @Test
  void aDefaultStudioHasTheBacklineAndDependenciesButNoTools() throws Exception {
    Path store = tmp.resolve("store/hab/pkgs");
    Path busybox = TestPackages.install(store, "core/busybox/1.36.1/20260101000000", "busybox");
    Path bash = TestPackages.install(store, "core/bash/5.2/20260101000000", "bash");
    Path dep = TestPackages.install(store, "core/zlib/1.3/20260101000000", "zlib");
    StudioSpec spec =
        new StudioSpec(
            StudioType.DEFAULT,
            Optional.empty(),
            List.of(busybox, bash),
            List.of(new HostPath(dep, "/hab/pkgs/core/zlib/1.3/20260101000000", true)),
            Map.of("PATH", "/bin", "STUDIO_TYPE", "default"),
            false);
    Path log = tmp.resolve("build.log");
    String script =
        "echo $STUDIO_TYPE; ls /hab/pkgs/core; readlink /bin/bash; test -e /tools || echo no-tools;"
            + " touch /hab/pkgs/core/zlib/1.3/20260101000000/x 2>/dev/null || echo read-only";

    StudioRun run = studio.run(spec, List.of("/bin/bash", "-c", script), log, LIMITS);

    assertTrue(run.succeeded(), Files.readString(log));
    assertEquals(
        "default\nbash\nbusybox\nzlib\n/hab/pkgs/core/bash/5.2/20260101000000/bin/bash\n"
            + "no-tools\nread-only\n",
        Files.readString(log));
  }

  @Test
  void aDefaultStudioWithoutBashIsRefusedBeforeItStarts() throws Exception {
    Path store = tmp.resolve("store/hab/pkgs");
    Path busybox = TestPackages.install(store, "core/busybox/1.36.1/20260101000000", "busybox");
    StudioSpec spec =
        new StudioSpec(
            StudioType.DEFAULT, Optional.empty(), List.of(busybox), List.of(), Map.of(), false);
    StudioException e =
        assertThrows(
            StudioException.class,
            () -> studio.run(spec, sh("true"), tmp.resolve("build.log"), LIMITS));
    assertTrue(e.getMessage().contains("no bash in the studio"), e.getMessage());
  }

  @Test
  void aTarballWithEntriesOutsideToolsIsRefusedBeforeTheEngineUnpacksIt() throws Exception {
    Path evil = tmp.resolve("evil.tar.xz");
    Path tree = Files.createDirectories(tmp.resolve("tree/tools/bin"));
    Files.copy(Path.of("/bin/bash-static"), tree.resolve("bash"));
    Files.writeString(Files.createDirectories(tmp.resolve("tree/etc")).resolve("passwd"), "x\n");
    Process tar =
        new ProcessBuilder(
                "tar",
                "-cJf",
                evil.toString(),
                "-C",
                tmp.resolve("tree").toString(),
                "tools",
                "etc")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    StudioSpec spec =
        new StudioSpec(StudioType.STAGE1, Optional.of(evil), List.of(), List.of(), Map.of(), false);

    StudioException e =
        assertThrows(
            StudioException.class, () -> studio.run(spec, sh("true"), tmp.resolve("log"), LIMITS));

    assertTrue(e.getMessage().contains("cannot make a studio"), e.getMessage());
    assertTrue(e.getMessage().contains("etc/passwd"), e.getMessage());
  }

  @Test
  void resultsWrittenAsRootGoToTheUserRunningKiln() throws Exception {
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path log = tmp.resolve("build.log");
    StudioRun run =
        studio
            .resultsOwnedBy("1234:2345")
            .run(
                stage1(List.of(new HostPath(results, "/results", false)), Map.of()),
                sh("mkdir /results/pkg && echo x > /results/pkg/file && exit 3"),
                log,
                LIMITS);
    assertEquals(3, run.exitCode(), Files.readString(log));
    assertEquals(1234, Files.getAttribute(results.resolve("pkg/file"), "unix:uid"));
    assertEquals(2345, Files.getAttribute(results.resolve("pkg"), "unix:gid"));
  }

  static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }
}
