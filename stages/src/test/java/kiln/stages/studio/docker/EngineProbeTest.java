package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProbeTest {

  @Test
  void aMissingSocketIsReportedAtOnce(@TempDir Path dir) {
    long start = System.nanoTime();
    Optional<String> problem =
        EngineProbe.problem("unix://" + dir.resolve("docker.sock"), Duration.ofSeconds(5));
    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains("no Docker engine answers"), problem.get());
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "should not wait for the timeout");
  }
}
