package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/** The exit's removal of live containers does not wait for ever on an engine that went silent. */
class LiveContainersExitTest {

  @Test
  void kilnExitsWithinSecondsWhenAnEngineHoldingItsContainerNoLongerAnswers() throws Exception {
    try (SilentEngine engine = new SilentEngine()) {
      ProcessBuilder child = ChildJvm.PLAIN.main(ExitWithLostEngineChild.class, engine.host());
      child.environment().putAll(Engine.REQUIRED_ENV);
      Process kiln = child.redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(kiln.getInputStream()));
        String line = out.readLine();
        StringBuilder said = new StringBuilder();
        while (line != null && !line.equals("ready")) {
          said.append(line).append('\n');
          line = out.readLine();
        }
        assertEquals("ready", line, said.toString());
        long start = System.nanoTime();

        boolean ended = kiln.waitFor(40, TimeUnit.SECONDS);

        assertTrue(ended, "kiln still waits for the silent engine 40s after its work ended");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toSeconds() < 30, "the exit took " + took.toSeconds() + "s");
      } finally {
        kiln.destroyForcibly();
      }
    }
  }
}
