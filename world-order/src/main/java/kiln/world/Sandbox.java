package kiln.world;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How {@code --eval} keeps plans from reaching the network (or writing files): bubblewrap with a
 * read-only root and no network, else {@code unshare} of the network, else nothing, said so.
 */
final class Sandbox {

  private static final List<List<String>> CANDIDATES =
      List.of(
          List.of(
              "bwrap",
              "--ro-bind",
              "/",
              "/",
              "--dev",
              "/dev",
              "--proc",
              "/proc",
              "--unshare-net",
              "--unshare-pid",
              "--die-with-parent"),
          List.of("unshare", "--net", "--map-root-user"),
          List.of("unshare", "--net"));

  private Sandbox() {}

  static List<String> choose(Consumer<String> notes) {
    for (List<String> prefix : CANDIDATES) {
      if (works(prefix)) {
        return prefix;
      }
    }
    notes.accept(
        "kiln: warning: neither bwrap nor unshare can isolate plans here: --eval"
            + " sources them WITH network access");
    return List.of();
  }

  private static boolean works(List<String> prefix) {
    List<String> command = new java.util.ArrayList<>(prefix);
    command.add("true");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
