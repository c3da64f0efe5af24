package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void anOwnerOfAnEarlierBootIsDeadWhateverItsPid() {
    Map<String, String> labels = new HashMap<>(me.labels());
    labels.put(StudioOwner.BOOT, "00000000-0000-0000-0000-000000000000");
    assertTrue(StudioOwner.ownerIsDead(labels, me.host()), "pid " + me.pid() + " is alive");
  }

  @Test
  void hostDirectoriesNameTheirOwner() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    assertFalse(StudioOwner.tempDirOwnerIsDead(me.tempPrefix() + "123"), "this JVM is alive");
    assertTrue(StudioOwner.tempDirOwnerIsDead("kiln-studio-run-" + gone.pid() + "-0-123"));
    assertTrue(
        StudioOwner.tempDirOwnerIsDead("kiln-studio-run-" + me.pid() + "-1-123"),
        "a reused pid with another start time");
    assertFalse(
        StudioOwner.tempDirOwnerIsDead("kiln-studio-run-8123456789012345"),
        "a name without an owner is never judged");
  }

  @Test
  void reapingRemovesOnlyDeadOwnersHostDirectories(@TempDir Path tmp) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dead = Files.createDirectories(tmp.resolve("kiln-studio-run-" + gone.pid() + "-0-1"));
    Files.createSymbolicLink(dead.resolve("bash"), Path.of("/hab/pkgs/x/bin/bash"));
    Path live = Files.createDirectories(tmp.resolve(me.tempPrefix() + "2"));
    Path unknown = Files.createDirectories(tmp.resolve("kiln-studio-run-77"));

    DockerStudio.reapTempDirs(tmp);

    assertFalse(Files.exists(dead, LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(unknown));
  }

  @Test
  void aRelativeWorkDirIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StudioOwner("r", 1, "", "h", Path.of("relative")));
  }
}
