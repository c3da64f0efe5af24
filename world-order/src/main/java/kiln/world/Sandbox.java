package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How {@code --eval} keeps plans from reaching the network (or writing files): bubblewrap with a
 * read-only root and no network, else {@code unshare} of the network, else nothing, said so.
 */
final class Sandbox {

  private static final List<String> BUBBLEWRAP =
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
          "--die-with-parent");

  private static final List<List<String>> UNSHARE =
      List.of(List.of("unshare", "--net", "--map-root-user"), List.of("unshare", "--net"));

  private Sandbox() {}

  static List<String> choose(Consumer<String> notes) {
    if (Bubblewrap.works()) {
      return BUBBLEWRAP;
    }
    for (List<String> prefix : UNSHARE) {
      List<String> probe = new ArrayList<>(prefix);
      probe.add("true");
      if (HostProbe.succeeds(probe)) {
        return prefix;
      }
    }
    notes.accept(
        "kiln: warning: neither bwrap nor unshare can isolate plans here: --eval"
            + " sources them WITH network access");
    return List.of();
  }
}
