package kiln.world;

import java.util.List;

/**
 * Whether bubblewrap can isolate a process on this host: installed, and allowed to make every
 * namespace kiln asks of it (user, pid, network, ipc, uts). The one probe for both of its users:
 * the plan reader's {@code --eval} sandbox here, and the chroot studio of the stages module.
 */
public final class Bubblewrap {

  /** The strictest use kiln makes of bwrap (the chroot studio's), so a pass covers every use. */
  private static final List<String> PROBE =
      List.of(
          "bwrap",
          "--unshare-all",
          "--die-with-parent",
          "--ro-bind",
          "/",
          "/",
          "--proc",
          "/proc",
          "--dev",
          "/dev",
          "true");

  private static volatile Boolean works;

  private Bubblewrap() {}

  /** Whether bwrap works here; asked once per JVM (about 10 ms), then remembered. */
  public static boolean works() {
    if (works == null) {
      works = HostProbe.succeeds(PROBE);
    }
    return works;
  }
}
