package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code kiln} launcher run as a user runs it, from a folder with no kiln.yaml: the
 * bundled demo inside the checkout (README's commands), an error saying what to pass elsewhere. An
 * IT because the launcher runs the packaged jar.
 */
class LauncherIT {

  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path elsewhere;

  @Test
  void outsideTheCheckoutBootstrapAndStatusSayWhatToPassInsteadOfActingOnTheDemo()
      throws Exception {
    for (String command : List.of("bootstrap", "status")) {
      Result run = kiln(elsewhere, command);
      assertEquals(1, run.exit(), command + ": " + run.err());
      assertTrue(run.err().contains("no kiln.yaml here"), command + ": " + run.err());
      assertTrue(run.err().contains("--config FILE"), command + ": " + run.err());
      assertFalse(run.err().contains("examples/demo"), command + ": " + run.err());
    }
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertEquals(List.of(), files.toList(), "nothing written");
    }
  }

  @Test
  void insideTheCheckoutStatusActsOnTheBundledDemo() throws Exception {
    Result run = kiln(CHECKOUT.resolve("docs"), "status");
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        (run.out() + run.err()).contains(CHECKOUT.resolve("examples/demo/.kiln").toString()),
        run.out() + run.err());
  }

  record Result(int exit, String out, String err) {}

  private static Result kiln(Path in, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(CHECKOUT.resolve("kiln").toString()));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(in.toFile());
    builder.environment().remove("KILN_DEMO_CONFIG");
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    return new Result(p.exitValue(), out, err);
  }
}
