package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reported failure is one line; {@code --stacktrace} adds the trace, and the trace reaches the
 * failure underneath: every re-wrap keeps its cause.
 */
class StacktraceCauseTest {

  @TempDir Path tmp;

  private static void showsTheCause(CliRun plain, CliRun traced, String cause) {
    assertEquals(1, plain.exit(), plain.err());
    assertEquals(1, plain.err().lines().count(), plain.err());
    assertFalse(plain.err().contains(cause), plain.err());
    assertEquals(1, traced.exit(), traced.err());
    String first = plain.err().lines().findFirst().orElseThrow();
    assertTrue(traced.err().startsWith(first + "\n"), traced.err());
    assertTrue(traced.err().contains("Caused by: " + cause), traced.err());
  }

  @Test
  void aBasePlansFileThatCannotBeReadShowsTheInputOutputError() {
    String world = Path.of("..", "examples", "world").toString();
    String[] args = {"world-order", "--base-plans", tmp.toString(), world};
    CliRun plain = CliRun.of(args);
    CliRun traced = CliRun.of(append(args, "--stacktrace"));
    assertEquals(1, plain.exit(), plain.err());
    assertTrue(
        traced.err().contains("Caused by: java.io.IOException: Is a directory"), traced.err());
  }

  @Test
  void aBadSignerInAHartHeaderShowsTheParseFailure() throws Exception {
    String signature = Base64.getEncoder().encodeToString(new byte[128]);
    Path hart =
        Files.writeString(
            tmp.resolve("bad.hart"),
            "HART-1\nnot a key name\nBLAKE2b\n" + signature + "\n\n",
            StandardCharsets.US_ASCII);
    showsTheCause(
        CliRun.of("hart", "info", hart.toString()),
        CliRun.of("hart", "info", hart.toString(), "--stacktrace"),
        "java.lang.IllegalArgumentException: Cannot parse named revision 'not a key name'");
  }

  @Test
  void aKeyThatIsNotBase64ShowsTheDecodingFailure() throws Exception {
    Path key =
        Files.writeString(tmp.resolve("k.pub"), "SIG-PUB-1\ndemo-20261121120000\n\nnot:base64\n");
    Path keys = tmp.resolve("keys");
    showsTheCause(
        CliRun.of("origin", "key", "import", key.toString(), "--keys", keys.toString()),
        CliRun.of(
            "origin", "key", "import", key.toString(), "--keys", keys.toString(), "--stacktrace"),
        "java.lang.IllegalArgumentException: Illegal base64 character");
  }

  private static String[] append(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }
}
