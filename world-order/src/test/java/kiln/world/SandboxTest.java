package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code --eval} sandbox and the bubblewrap probe it shares with the chroot studio. */
class SandboxTest {

  @Test
  void bubblewrapWorksOnThisHost() {
    // bin/setup installs it; the chroot studio and the --eval sandbox both rely on this probe.
    assertTrue(Bubblewrap.works());
  }

  @Test
  void evalSandboxesPlansWithBubblewrapWhereItWorksAndSaysNothing() {
    List<String> notes = new ArrayList<>();
    List<String> prefix = Sandbox.choose(notes::add);
    assertEquals("bwrap", prefix.get(0), prefix.toString());
    assertTrue(prefix.contains("--unshare-net"), prefix.toString());
    assertEquals(List.of(), notes);
  }

  @Test
  void aProbeSucceedsOnlyForACommandThatStartsAndExitsZero() {
    assertTrue(HostProbe.succeeds(List.of("true")));
    assertFalse(HostProbe.succeeds(List.of("false")));
    assertFalse(HostProbe.succeeds(List.of("kiln-no-such-command")));
  }
}
