package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent libsodium implementation in src/test/c/hartsodium.c, compiled with gcc into
 * target/ on first use. No gcc or no libsodium-dev is a test failure, never a skip: without it
 * nothing checks kiln's crypto against the library Habitat uses (bin/setup installs both).
 */
final class Sodium {

  private static final Path SOURCE = Path.of("src/test/c/hartsodium.c");
  private static final Path BINARY = Path.of("target/hartsodium");

  /** What the tool printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private Sodium() {}

  static synchronized Path binary() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)
        || Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(SOURCE)) < 0) {
      Result gcc =
          exec(
              List.of(
                  "gcc",
                  "-O2",
                  "-Wall",
                  "-Werror",
                  "-o",
                  BINARY.toString(),
                  SOURCE.toString(),
                  "-lsodium"));
      assertEquals(
          0,
          gcc.exit(),
          "gcc could not build hartsodium (install gcc and libsodium-dev: bin/setup):\n"
              + gcc.err());
    }
    return BINARY;
  }

  static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary().toAbsolutePath().toString());
    command.addAll(List.of(args));
    return exec(command);
  }

  private static Result exec(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("hartsodium", ".out");
    Path err = Files.createTempFile("hartsodium", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      int exit = process.waitFor();
      return new Result(
          exit,
          Files.readString(out, StandardCharsets.UTF_8).strip(),
          Files.readString(err, StandardCharsets.UTF_8).strip());
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
