package kiln.orchestrator.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

/** A stage's backline is the stage before's packages, whatever the stage itself builds. */
class BacklinePinTest {

  @Test
  void eachBacklinePackageIsTheNewestReleaseTheStageBeforeBuilt() {
    List<PackageIdent> before =
        List.of(
            PackageIdent.parse("demo/bash/5.2.15/20260101000000"),
            PackageIdent.parse("demo/tar/1.34/20260101000100"),
            PackageIdent.parse("demo/ministd/1.0.0/20260101000200"),
            PackageIdent.parse("demo/ministd/1.0.0/20260101000300"));
    List<PackageIdent> pinned =
        StudioBuilders.pinned(
            List.of(
                PackageIdent.parse("demo/bash"),
                PackageIdent.parse("demo/ministd"),
                PackageIdent.parse("demo/busybox")),
            before);
    assertEquals(
        List.of(
            PackageIdent.parse("demo/bash/5.2.15/20260101000000"),
            PackageIdent.parse("demo/ministd/1.0.0/20260101000300"),
            PackageIdent.parse("demo/busybox")),
        pinned);
  }

  @Test
  void aBacklineVersionNarrowsTheChoice() {
    List<PackageIdent> before =
        List.of(
            PackageIdent.parse("demo/bash/5.1/20260101000500"),
            PackageIdent.parse("demo/bash/5.2.15/20260101000000"));
    assertEquals(
        List.of(PackageIdent.parse("demo/bash/5.2.15/20260101000000")),
        StudioBuilders.pinned(List.of(PackageIdent.parse("demo/bash/5.2.15")), before));
  }
}
