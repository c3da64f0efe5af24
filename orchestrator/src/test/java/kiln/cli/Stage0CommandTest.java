package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class Stage0CommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path spec;

  @BeforeEach
  void aSpec() throws IOException {
    Files.createDirectories(dir.resolve("host"));
    Files.writeString(dir.resolve("host/busybox"), "not really busybox\n");
    Files.writeString(dir.resolve("host/hab"), "hab 1\n");
    spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo-studio-stage1
        files:
          - { from: host/busybox, to: bin/busybox, mode: "0755" }
          - { from: host/hab, to: bin/hab, mode: "0755" }
        scripts:
          - { to: bin/wget, mode: "0755", content: "#!/tools/bin/busybox sh\\n" }
        links:
          - { to: bin/unzip, target: busybox }
        """);
  }

  private int kiln(String... args) {
    CommandLine cli = Kiln.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path built() {
    Matcher line =
        Pattern.compile("^([0-9a-f]{64})  (\\S+)$", Pattern.MULTILINE).matcher(out.toString());
    assertTrue(line.find(), "sha256 and path on stdout: " + out);
    return Path.of(line.group(2));
  }

  @Test
  void buildPrintsShaAndPathOfATimestampedTarball() {
    assertEquals(
        0,
        kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.resolve("out").toString()),
        err.toString());
    Path tarball = built();
    assertTrue(
        tarball.getFileName().toString().matches("demo-studio-stage1-\\d{14}\\.tar\\.xz"),
        tarball.toString());
    assertTrue(Files.isRegularFile(tarball));
  }

  @Test
  void listPrintsModeSizePathAndLinkTargets() {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    Path tarball = built();
    out.getBuffer().setLength(0);
    assertEquals(0, kiln("stage0", "list", tarball.toString()), err.toString());
    assertEquals(
        List.of(
            "drwxr-xr-x 0 tools/",
            "drwxr-xr-x 0 tools/bin/",
            "-rwxr-xr-x 19 tools/bin/busybox",
            "-rwxr-xr-x 6 tools/bin/hab",
            "lrwxrwxrwx 0 tools/bin/unzip -> busybox",
            "-rwxr-xr-x 24 tools/bin/wget"),
        out.toString().lines().toList());
  }

  @Test
  void verifyPassesAGoodTarballAndFreshenReplacesOneEntry() throws IOException {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    Path tarball = built();
    Files.writeString(dir.resolve("hab2"), "hab 2, newer\n");
    out.getBuffer().setLength(0);
    assertEquals(
        0,
        kiln(
            "stage0",
            "freshen",
            tarball.toString(),
            "--put",
            "tools/bin/hab=" + dir.resolve("hab2"),
            "--remove",
            "tools/bin/wget"),
        err.toString());
    Path fresh = built();
    assertTrue(
        !fresh.equals(tarball) && Files.isRegularFile(tarball), "old tarball kept: " + fresh);
    out.getBuffer().setLength(0);
    assertEquals(0, kiln("stage0", "list", fresh.toString()));
    assertTrue(out.toString().contains("-rw-r--r-- 13 tools/bin/hab"), out.toString());
    assertTrue(!out.toString().contains("tools/bin/wget"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, kiln("stage0", "verify", fresh.toString()), err.toString());
    assertEquals(fresh + ": ok", out.toString().strip());
  }

  @Test
  void verifyNamesATruncatedFileAndFails() throws IOException {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    Path tarball = built();
    byte[] bytes = Files.readAllBytes(tarball);
    Path cut =
        Files.write(dir.resolve("cut.tar.xz"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
    assertEquals(1, kiln("stage0", "verify", cut.toString()));
    assertTrue(err.toString().contains(cut + ": truncated"), err.toString());
  }

  @Test
  void aBadSpecFailsWithEveryProblemAndExitOne() throws IOException {
    Files.writeString(
        spec, "name: x\nfiles:\n  - { from: nowhere, to: ../etc/passwd }\ncolour: red\n");
    assertEquals(1, kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString()));
    String message = err.toString();
    assertTrue(message.contains("files[0].from: 'nowhere' does not exist"), message);
    assertTrue(message.contains("files[0].to: '../etc/passwd'"), message);
    assertTrue(message.contains("colour: unknown key"), message);
  }

  @Test
  void freshenTakesAnXzPresetAndRefusesOneOutOfRange() throws IOException {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    Path tarball = built();
    Files.writeString(dir.resolve("hab2"), "hab 2\n");
    String put = "tools/bin/hab=" + dir.resolve("hab2");
    assertEquals(
        1, kiln("stage0", "freshen", tarball.toString(), "--put", put, "--xz-preset", "10"));
    assertTrue(
        err.toString().contains("--xz-preset 10: must be a whole number from 0 to 9"),
        err.toString());
    out.getBuffer().setLength(0);
    assertEquals(
        0,
        kiln("stage0", "freshen", tarball.toString(), "--put", put, "--xz-preset", "0"),
        err.toString());
    Path fresh = built();
    assertEquals(0, kiln("stage0", "verify", fresh.toString()), err.toString());
  }

  @Test
  void freshenRefusesATarballThatFailsVerify() throws IOException {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    byte[] bytes = Files.readAllBytes(built());
    Path cut =
        Files.write(
            dir.resolve("cut-20260101000000.tar.xz"),
            java.util.Arrays.copyOf(bytes, bytes.length - 30));
    Files.writeString(dir.resolve("hab2"), "hab 2\n");
    assertEquals(
        1,
        kiln(
            "stage0",
            "freshen",
            cut.toString(),
            "--put",
            "tools/bin/hab=" + dir.resolve("hab2"),
            "--out",
            dir.resolve("fresh").toString()));
    assertTrue(
        err.toString().contains("cannot freshen " + cut + ": it has 1 problem(s)"), err.toString());
    assertTrue(err.toString().contains("truncated"), err.toString());
    assertTrue(Files.notExists(dir.resolve("fresh")));
  }

  @Test
  void freshenWithoutChangesIsAUsageMistake() {
    kiln("stage0", "build", "--spec", spec.toString(), "--out", dir.toString());
    assertEquals(1, kiln("stage0", "freshen", built().toString()));
    assertTrue(err.toString().contains("nothing to change"), err.toString());
  }
}
