package kiln.world;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether bash itself can parse a file, asked only where the reader cannot: a plan bash parses must
 * never be unreadable for the reader's sake.
 */
@FunctionalInterface
interface SyntaxCheck {

  /** True when bash parses the file without a syntax error; false when it does not or cannot. */
  boolean accepts(Path file);

  /**
   * {@code bash -n}, which parses and runs nothing. Bash reports some errors (a {@code [[} never
   * closed) and still exits 0, so its words count as well as its status.
   */
  static SyntaxCheck bash() {
    return file -> {
      try {
        Process bash =
            new ProcessBuilder("bash", "--norc", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        bash.getOutputStream().close();
        String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!bash.waitFor(10, TimeUnit.SECONDS)) {
          bash.destroyForcibly();
          return false;
        }
        return bash.exitValue() == 0 && !said.contains("syntax error");
      } catch (IOException e) {
        return false; // no bash here: the reader's own verdict stands
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    };
  }
}
