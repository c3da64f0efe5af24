package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudioOwnerTest {

  final StudioOwner me = StudioOwner.current(Path.of("/work/x"));

  @Test
  void aLiveOwnerIsNotDead() {
    assertFalse(StudioOwner.ownerIsDead(me.labels(), me.host()));
  }

  @Test
  void anOwnerWhosePidIsGoneIsDead() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Map<String, String> labels = new HashMap<>(me.labels());
    labels.put(StudioOwner.PID, Long.toString(gone.pid()));
    assertTrue(StudioOwner.ownerIsDead(labels, me.host()));
  }

  @Test
  void aReusedPidIsDeadWhenItsStartTimeDiffers() {
    Map<String, String> labels = new HashMap<>(me.labels());
    labels.put(StudioOwner.PID_START, "1999-01-01T00:00:00Z");
    assertTrue(StudioOwner.ownerIsDead(labels, me.host()));
  }

  @Test
  void anOwnerOnAnotherHostIsNeverJudged() {
    Map<String, String> labels = new HashMap<>(me.labels());
    labels.put(StudioOwner.PID, "999999999");
    assertFalse(StudioOwner.ownerIsDead(labels, "some-other-host"));
  }

  @Test
  void aRelativeWorkDirIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StudioOwner("r", 1, "", "h", Path.of("relative")));
  }
}
