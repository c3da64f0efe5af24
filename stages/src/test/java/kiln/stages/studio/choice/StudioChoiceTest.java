package kiln.stages.studio.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.stages.studio.Studio;
import kiln.stages.studio.choice.StudioChoice.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioChoiceTest {

  @TempDir Path dir;

  @Test
  void parsesTheThreeKindsInAnyCase() {
    assertEquals(Kind.DOCKER, Kind.parse("docker"));
    assertEquals(Kind.CHROOT, Kind.parse("Chroot"));
    assertEquals(Kind.AUTO, Kind.parse(" AUTO "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Kind.parse("podman"));
    assertEquals("--studio podman: expected docker, chroot or auto", e.getMessage());
  }

  @Test
  void autoFallsBackToChrootWhenNoEngineAnswersAndSaysWhy() {
    List<String> notes = new ArrayList<>();
    Studio studio =
        StudioChoice.auto(
            dir.resolve("tools"), dir, notes::add, Optional.of("no Docker engine answers at x"));
    assertEquals("chroot", studio.kind());
    assertEquals(
        List.of("kiln: building in the chroot studio: no Docker engine answers at x"), notes);
  }

  @Test
  void chrootIsChrootWithoutAskingTheEngine() throws Exception {
    List<String> notes = new ArrayList<>();
    Studio studio = StudioChoice.choose(Kind.CHROOT, dir.resolve("tools"), dir, notes::add);
    assertEquals("chroot", studio.kind());
    assertTrue(notes.isEmpty());
  }

  /** A studio of a kind that must not be run here. */
  private static Studio fake(String kind) {
    return new Studio() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public kiln.stages.studio.StudioRun run(
          kiln.stages.studio.StudioSpec spec,
          List<String> command,
          java.io.OutputStream log,
          kiln.stages.studio.BuildLimits limits,
          kiln.stages.studio.OutputReceiver output) {
        throw new AssertionError("not run in this test");
      }
    };
  }

  @Test
  void theFactsPassOfADockerBuildRunsInTheChrootStudioWhenBubblewrapWorks() {
    Studio docker = fake("docker");
    assertEquals("chroot", StudioChoice.forFacts(docker, dir, () -> true).kind());
    assertSame(docker, StudioChoice.forFacts(docker, dir, () -> false), "no bwrap: docker");
  }

  @Test
  void theFactsPassOfAChrootBuildUsesTheBuildsOwnStudio() {
    Studio chroot = fake("chroot");
    assertSame(
        chroot,
        StudioChoice.forFacts(
            chroot,
            dir,
            () -> {
              throw new AssertionError("no need to probe bubblewrap");
            }));
  }

  @Test
  void bubblewrapWorksOnThisHost() {
    // The chroot studio's tests need it anyway; this pins the probe the facts pass relies on.
    assertTrue(kiln.stages.studio.ChrootStudio.works());
  }
}
