package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kiln stopped by a script: SIGINT or SIGTERM sent to its whole process group (not a terminal's
 * Ctrl-C) is handled like Ctrl-C: a message, the running builds stopped, and a build that finished
 * meanwhile recorded built, not thrown away.
 */
class StopTest {

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalToTheProcessGroupStopsKilnWithAMessageAndKeepsWhatFinished(String signal)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // setsid: a process group of its own, as a script's job is, so the signal reaches only it
    Process kiln =
        new ProcessBuilder(
                "setsid",
                java,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StopWorld.class.getName(),
                work.toString())
            .redirectError(work.resolve("stderr").toFile())
            .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(kiln.getInputStream(), StandardCharsets.UTF_8))) {
      int started = 0;
      String line;
      while (started < 2 && (line = out.readLine()) != null) {
        started += line.startsWith("started ") ? 1 : 0;
      }
      assertEquals(2, started, "both builds running");
      Process kill =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + kiln.pid()).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(kiln.waitFor(60, TimeUnit.SECONDS), "kiln exits within seconds of the signal");
    } finally {
      kiln.destroyForcibly().waitFor();
    }
    String err = Files.readString(work.resolve("stderr"));
    assertTrue(err.contains("kiln: note: stopping (interrupted)"), "a message: " + err);
    assertTrue(err.contains("kiln: stopped"), err);
    StageState ledger = RunJournal.read(work).orElseThrow().stage(StageName.STAGE3);
    assertEquals(EntryStatus.BUILT, ledger.entry(Worlds.key("a")).status(), "it finished");
    assertEquals(EntryStatus.BUILDING, ledger.entry(Worlds.key("b")).status(), "redone next run");
  }
}
