package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private Process startChildAndAwaitItsBuild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StudioChild.class.getName(),
                work.toString(),
                TestTools.tarball().toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine(), "the child's build should have started");
    return child;
  }
}
