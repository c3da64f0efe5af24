package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
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

  @Test
  void anEngineThatNeverAnswersIsToldWithTheDeadlineInWords() throws Exception {
    // accepts the connection (the kernel's backlog does) and never says a word
    try (ServerSocket mute = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      Optional<String> problem =
          EngineProbe.problem("tcp://127.0.0.1:" + mute.getLocalPort(), Duration.ofSeconds(2));
      assertTrue(problem.isPresent());
      assertTrue(problem.get().contains("within 2s"), problem.get());
      assertFalse(problem.get().contains(" ms"), problem.get());
    }
  }
}
