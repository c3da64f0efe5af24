package kiln.stages.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The demo tools tarball, gathered from this host once per gatherer version by
 * examples/demo/toolchain/gather-host-tools.sh and packed with the system tar, kept under
 * stages/target so every test class (and rerun) shares it.
 */
public final class TestTools {

  private static Path tarball;
  private static Path withoutBash;

  private TestTools() {}

  /** The tools tarball: {@code tools/} with bash, busybox, tcc (cc), make, file, strip. */
  public static synchronized Path tarball() throws IOException, InterruptedException {
    if (tarball == null) {
      tarball = make("tools", false);
    }
    return tarball;
  }

  /** The same tools without bash (and without sh): a studio made of it must refuse to start. */
  public static synchronized Path tarballWithoutBash() throws IOException, InterruptedException {
    if (withoutBash == null) {
      withoutBash = make("tools-nobash", true);
    }
    return withoutBash;
  }

  private static Path make(String name, boolean dropBash) throws IOException, InterruptedException {
    Path script = repositoryRoot().resolve("examples/demo/toolchain/gather-host-tools.sh");
    String key = sha256(Files.readAllBytes(script)).substring(0, 12);
    Path dir = Path.of("target", "test-tools").toAbsolutePath();
    Path result = dir.resolve(name + "-" + key + ".tar.xz");
    if (Files.isRegularFile(result)) {
      return result;
    }
    Path gathered = dir.resolve("gathered-" + key);
    if (!Files.isDirectory(gathered.resolve("tools"))) {
      exec(dir, "bash", script.toString(), gathered.toString());
    }
    Path partial = dir.resolve(name + ".partial.tar.xz");
    String without = dropBash ? "tools/bin/bash" : "none";
    String withoutSh = dropBash ? "tools/bin/sh" : "none";
    exec(
        gathered,
        "env",
        "XZ_OPT=-0",
        "tar",
        "--exclude=" + without,
        "--exclude=" + withoutSh,
        "-cJf",
        partial.toString(),
        "tools");
    Files.move(partial, result);
    return result;
  }

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("examples"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException("tests must run inside the kiln repository");
    }
    return here;
  }

  private static void exec(Path dir, String... command) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
