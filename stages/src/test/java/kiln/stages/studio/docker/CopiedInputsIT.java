package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.stages.studio.TreeTar;
import kiln.testing.TestEngines;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A studio on an extra engine that shares nothing with this host's disk in spirit: its inputs go in
 * and its output comes out through the engine's API, a package or source already sent is not sent
 * again, and no container is left whatever the run's end.
 */
class CopiedInputsIT {

  private static final BuildLimits LIMITS =
      new BuildLimits(Duration.ofMinutes(2), Duration.ofMinutes(1));

  @TempDir Path tmp;

  private DockerStudio studio() throws Exception {
    return DockerStudio.connect(
        StudioOwner.current(tmp),
        new DockerEndpoint(TestEngines.endpoints(1).get(0).toString()),
        DockerStudio.Inputs.COPY);
  }

  private StudioSpec spec(String unique) throws Exception {
    Path plan = Files.createDirectories(tmp.resolve("plan"));
    Files.writeString(plan.resolve("plan.sh"), "pkg_name=" + unique + "\n");
    Path pkg = Files.createDirectories(tmp.resolve("pkgs/demo/dep/1.0/20260101000000/lib"));
    Files.writeString(pkg.resolve("libdep.txt"), "dependency " + unique + "\n");
    Path source = Files.writeString(tmp.resolve("src-" + unique + ".tar"), "source " + unique);
    return new StudioSpec(
        StudioType.STAGE1,
        Optional.of(TestTools.tarball()),
        List.of(),
        List.of(
            new StudioInput.Plan(plan),
            new StudioInput.Program(Map.of("build.sh", "echo built\n".getBytes())),
            new StudioInput.InstalledPackage(
                pkg.getParent(), PackageIdent.parse("demo/dep/1.0/20260101000000")),
            new StudioInput.SourceFile(source, "src.tar")),
        Map.of("PATH", "/bin:/tools/bin"),
        false,
        Optional.of("/kiln/out"));
  }

  private static final String SCRIPT =
      "cat /src/plan.sh /hab/pkgs/demo/dep/1.0/20260101000000/lib/libdep.txt"
          + " /hab/cache/src/src.tar > /kiln/out/seen; bash /kiln/build.sh";

  @Test
  void inputsGoInOutputComesOutAndWhatWasSentIsNotSentAgain() throws Exception {
    DockerStudio studio = studio();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    StudioSpec spec = spec(unique);
    int before = studio.inputsSent();

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Path out = tmp.resolve("out");
    StudioRun first =
        studio.run(
            spec, List.of("/bin/bash", "-c", SCRIPT), log, LIMITS, tar -> TreeTar.unpack(tar, out));

    assertTrue(first.succeeded(), log.toString(StandardCharsets.UTF_8));
    assertEquals("built\n", log.toString(StandardCharsets.UTF_8));
    assertEquals(
        "pkg_name=" + unique + "\ndependency " + unique + "\nsource " + unique,
        Files.readString(out.resolve("seen")));
    assertEquals(2, studio.inputsSent() - before, "the package and the source go once");

    Path again = tmp.resolve("again");
    StudioRun second =
        studio.run(
            spec,
            List.of("/bin/bash", "-c", SCRIPT),
            new ByteArrayOutputStream(),
            LIMITS,
            tar -> TreeTar.unpack(tar, again));

    assertTrue(second.succeeded());
    assertEquals(Files.readString(out.resolve("seen")), Files.readString(again.resolve("seen")));
    assertEquals(2, studio.inputsSent() - before, "nothing is sent the second time");
    assertEquals(List.of(), containersOf(studio));
  }

  @Test
  void noContainerIsLeftAfterAFailureOrATimeOut() throws Exception {
    DockerStudio studio = studio();
    StudioSpec spec = spec(UUID.randomUUID().toString().substring(0, 8));

    StudioRun failed =
        studio.run(
            spec,
            List.of("/bin/bash", "-c", "exit 3"),
            new ByteArrayOutputStream(),
            LIMITS,
            tar -> {
              throw new AssertionError("a failed run has no output");
            });
    StudioRun timedOut =
        studio.run(
            spec,
            List.of("/bin/bash", "-c", "echo start; sleep 600"),
            new ByteArrayOutputStream(),
            new BuildLimits(Duration.ofSeconds(2), Duration.ofMinutes(1)),
            tar -> {
              throw new AssertionError("a killed run has no output");
            });

    assertEquals(3, failed.exitCode());
    assertEquals(StudioRun.Ending.TIMED_OUT, timedOut.ending());
    assertEquals(List.of(), containersOf(studio));
  }

  private static List<String> containersOf(DockerStudio studio) {
    return studio.inventory().studios().stream()
        .filter(s -> s.runId().equals(studio.owner().runId()))
        .map(s -> s.name())
        .toList();
  }
}
