package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import kiln.orchestrator.StageWorks.PlanLine;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

class StageWorksTest {

  static PlanLine line(String key, String... deps) {
    return new PlanLine(
        EntryKey.parse(key),
        "plans/" + key.split("[/ ]")[1],
        java.util.Arrays.stream(deps).map(PackageIdent::parse).toList());
  }

  @Test
  void aBaseDependencyMeansTheLatestEarlierEntryOfThatPlan() {
    StageWork work =
        StageWorks.baseList(
            StageName.STAGE1,
            List.of(
                line("c/gcc"),
                line("c/patchelf FIRST_PASS=true", "c/gcc"),
                line("c/glibc", "c/patchelf", "c/linux-headers"),
                line("c/patchelf", "c/glibc"),
                line("c/busybox", "c/patchelf")));
    assertEquals(
        Set.of(EntryKey.parse("c/patchelf FIRST_PASS=true")), work.entries().get(2).deps());
    assertEquals(Set.of(EntryKey.parse("c/patchelf")), work.entries().get(4).deps());
    assertEquals(true, work.ordered());
  }

  @Test
  void worldDependenciesOnBasePlansAreTheStudiosBusiness() {
    StageWork work =
        StageWorks.world(List.of(line("c/zlib", "c/glibc"), line("c/curl", "c/zlib/1.3", "c/gcc")));
    assertEquals(Set.of(), work.entries().get(0).deps());
    assertEquals(Set.of(EntryKey.parse("c/zlib")), work.entries().get(1).deps());
  }

  @Test
  void aWorldOutOfDependencyOrderIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StageWorks.world(List.of(line("c/curl", "c/zlib"), line("c/zlib"))));
  }
}
