package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of input and output reach the user as one line in words: what, where, why. No Java type
 * name ({@code java.io.EOFException}, {@code FileSystemException}) and no ISO-8601 duration ({@code
 * PT4S}) may show, with or without a message of the JDK's own.
 */
class PlainMessagesTest {

  private static final Pattern JAVA_TALK = Pattern.compile("java\\.|Exception|\\bPT\\d");

  @TempDir Path tmp;

  /** One line on stderr, exit 1, naming the file, in words. */
  private static String failsPlainly(CliRun run, String names) {
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("kiln: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(JAVA_TALK.matcher(run.err()).find(), run.err());
    assertTrue(run.err().contains(names), run.err());
    return run.err();
  }

  @Test
  void hartInfoOfAMissingFile() {
    Path missing = tmp.resolve("missing.hart");
    assertTrue(
        failsPlainly(CliRun.of("hart", "info", missing.toString()), missing.toString())
            .contains("no such file"));
  }

  @Test
  void hartInfoOfADirectory() {
    String err = failsPlainly(CliRun.of("hart", "info", tmp.toString()), tmp.toString());
    assertTrue(err.contains("a directory"), err);
  }

  @Test
  void hartInfoOfAnEmptyFileSaysItIsEmpty() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.hart"));
    String err = failsPlainly(CliRun.of("hart", "info", empty.toString()), empty.toString());
    assertTrue(err.contains("the file is empty"), err);
  }

  @Test
  void hartInfoOfAFileCutInItsHeaderSaysItIsTruncated() throws Exception {
    Path cut = Files.write(tmp.resolve("cut.hart"), Arrays.copyOf(header(), 30));
    String err = failsPlainly(CliRun.of("hart", "info", cut.toString()), cut.toString());
    assertTrue(
        err.contains(
            "Unsupported signature type: BLA (the file ends after 30 bytes, inside the header: truncated"),
        err);
  }

  @Test
  void hartInfoOfAFileCutInItsPayloadSaysItIsTruncated() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(header());
    byte[] payload = xzTar();
    bytes.write(payload, 0, payload.length / 2);
    Path cut = Files.write(tmp.resolve("cut.hart"), bytes.toByteArray());

    String err = failsPlainly(CliRun.of("hart", "info", cut.toString()), cut.toString());

    assertTrue(err.contains("cannot read the payload: it ends too early: truncated"), err);
  }

  @Test
  void stage0VerifyOfATarballCutShort() throws Exception {
    byte[] whole = xzTar();
    Path cut = Files.write(tmp.resolve("tools.tar.xz"), Arrays.copyOf(whole, whole.length / 2));
    CliRun run = CliRun.of("stage0", "list", cut.toString());
    assertTrue(failsPlainly(run, cut.toString()).contains("truncated"), run.err());
  }

  @Test
  void aBasePlansFileThatIsADirectory() throws Exception {
    Path world = Path.of("..", "examples", "world");
    CliRun run = CliRun.of("world-order", "--base-plans", tmp.toString(), world.toString());
    assertEquals(1, run.exit(), run.err());
    String last = run.err().lines().reduce((a, b) -> b).orElseThrow();
    assertFalse(JAVA_TALK.matcher(last).find(), last);
    assertEquals("kiln: cannot read base-plans file " + tmp + ": Is a directory", last);
  }

  @Test
  void aKeyFileThatCannotBeRead() {
    CliRun run = CliRun.of("origin", "key", "import", tmp.toString(), "--keys", tmp.toString());
    assertTrue(failsPlainly(run, tmp.toString()).contains("cannot read " + tmp), run.err());
  }

  /** A HART-1 header whose signature has the right length (nothing here verifies it). */
  private static byte[] header() {
    String signature = Base64.getEncoder().encodeToString(new byte[128]);
    return ("HART-1\ndemo-20261121120000\nBLAKE2b\n" + signature + "\n\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A real tar.xz of a few files, made by tar and xz. */
  private byte[] xzTar() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("content/hab/pkgs/demo/x/1/20261121120000"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("file" + i), ("some text " + i + "\n").repeat(2000));
    }
    Path tarball = tmp.resolve("content.tar.xz");
    Process tar =
        new ProcessBuilder(
                "tar", "-C", tmp.resolve("content").toString(), "-cJf", tarball.toString(), "hab")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    return Files.readAllBytes(tarball);
  }
}
