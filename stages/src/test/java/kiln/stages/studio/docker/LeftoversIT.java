package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kiln.stages.studio.StudioSpec;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** What happens to studios when kiln itself dies mid-build. */
class LeftoversIT {

  @TempDir Path work;

  @Test
  void aKilledKilnLeavesContainersThatTheNextStartRemoves() throws Exception {
    Process child = startChildAndAwaitItsBuild();
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(1, Containers.labelled(StudioOwner.WORK, work.toString()).size());

    DockerStudio.connect(StudioOwner.current(work));

    assertEquals(List.of(), Containers.labelled(StudioOwner.WORK, work.toString()));
  }

  @Test
  void ctrlCRemovesTheRunningStudio() throws Exception {
    Process child = startChildAndAwaitItsBuild();
    child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    assertEquals(List.of(), Containers.labelled(StudioOwner.WORK, work.toString()));
  }

  @Test
  void aLiveRunsContainersAreNeverReaped() throws Exception {
    Process child = startChildAndAwaitItsBuild();
    try {
      DockerStudio.connect(StudioOwner.current(work));
      assertEquals(1, Containers.labelled(StudioOwner.WORK, work.toString()).size());
    } finally {
      child.destroy();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theNextStartInAnyWorkDirRemovesADeadOwnersContainerAndHostDirectory() throws Exception {
    DockerStudio studio = SharedDockerStudio.get();
    StudioSpec spec =
        new StudioSpec(
            StudioSpec.StudioType.STAGE1,
            Optional.of(TestTools.tarball()),
            List.of(),
            List.of(),
            Map.of("PATH", "/bin:/tools/bin"),
            false);
    long deadPid = deadPid();
    Path crashedWork = work.resolve("crashed-bootstrap");
    Map<String, String> labels = new HashMap<>(StudioOwner.current(crashedWork).labels());
    labels.put(StudioOwner.PID, Long.toString(deadPid));
    String id =
        DockerClientFactory.instance()
            .client()
            .createContainerCmd(studio.imageFor(spec))
            .withLabels(labels)
            .withCmd(List.of("/bin/true"))
            .exec()
            .getId();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path deadDir = Files.createTempDirectory(tmp, StudioOwner.TEMP_PREFIX + deadPid + "-0-");
    Path liveDir = Files.createTempDirectory(tmp, StudioOwner.current(crashedWork).tempPrefix());
    try {
      assertEquals(1, Containers.labelled(StudioOwner.WORK, crashedWork.toString()).size());

      // The next build, in another work directory, connects as every build does.
      DockerStudio.connect(StudioOwner.current(work.resolve("next-build")));

      assertEquals(List.of(), Containers.labelled(StudioOwner.WORK, crashedWork.toString()));
      assertFalse(Files.exists(deadDir), "the dead owner's host directory is removed");
      assertTrue(Files.exists(liveDir), "a live owner's host directory stays");
    } finally {
      try {
        DockerClientFactory.instance().client().removeContainerCmd(id).withForce(true).exec();
      } catch (com.github.dockerjava.api.exception.NotFoundException reaped) {
        // Reaped, as it should be.
      }
      Files.deleteIfExists(liveDir);
    }
  }

  private static long deadPid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    return gone.pid();
  }

  private Process startChildAndAwaitItsBuild() throws Exception {
    Process child =
        ChildJvm.PLAIN
            .main(StudioChild.class, work.toString(), TestTools.tarball().toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine(), "the child's build should have started");
    return child;
  }
}
