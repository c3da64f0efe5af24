package kiln.orchestrator.progress;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiln.resume.HostEvent;
import org.junit.jupiter.api.Test;

/** The live display's hosts line: what each host builds, or that it is idle, lost or out. */
class HostBoardTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  final HostBoard board = new HostBoard();

  @Test
  void eachHostShowsWhatItBuildsOrThatItIsIdleLostOrQuarantined() {
    board.hosts(List.of("e1", "e2", "doomed"));
    assertEquals(Optional.of("e1: idle · e2: idle · doomed: idle"), board.line());
    board.placed(key("zlib"), "e1");
    board.placed(key("sed"), "e1");
    board.placed(key("jq"), "doomed");
    board.changed(new HostEvent("doomed", HostEvent.Change.LOST, "ping: refused", T0));
    board.ended(key("jq")); // cut off: queued again
    assertEquals(Optional.of("e1: t/zlib, t/sed · e2: idle · doomed: lost"), board.line());
    board.ended(key("zlib"));
    board.placed(key("jq"), "e2");
    board.changed(new HostEvent("doomed", HostEvent.Change.REJOINED, null, T0));
    board.changed(new HostEvent("e1", HostEvent.Change.QUARANTINED, "it failed 4 of 6", T0));
    assertEquals(Optional.of("e1: quarantined · e2: t/jq · doomed: idle"), board.line());
  }

  @Test
  void aRunWithoutBuildHostsHasNoHostsLine() {
    assertEquals(Optional.empty(), board.line());
  }
}
