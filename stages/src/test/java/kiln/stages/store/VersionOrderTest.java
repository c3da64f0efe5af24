package kiln.stages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "1.0.0, 1.0.1",
    "1.2, 1.10",
    "1.9.9, 2.0",
    "2, 10",
    "1.0, 1.0.1",
    "0.9, 1",
    "1.0-rc1, 1.0",
    "1.0.0-beta, 1.0.0",
    "1.0-alpha, 1.0-beta",
    "1.0-rc1, 1.0-rc2",
    "1.0-rc10, 1.0-rc2",
    "1.2.3rc1, 1.2.3",
    "3.5.1, 2017.1",
    "1.0, 18446744073709551616",
    "8.1.4, 8.1.10",
    "5.4.0-beta.1, 5.4.0",
  })
  void ordersVersionsAsHabitatDoes(String lower, String higher) {
    assertEquals(-1, Integer.signum(VersionOrder.compareVersions(lower, higher)));
    assertEquals(1, Integer.signum(VersionOrder.compareVersions(higher, lower)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"1.0, 1.0.0", "1, 1.0.0.0", "01.2, 1.02", "1.0-rc1, 1.0rc1", "v1.2, 1.2"})
  void treatsTheseAsTheSameVersion(String a, String b) {
    assertEquals(0, VersionOrder.compareVersions(a, b));
  }

  @ParameterizedTest(name = "{0} < {1} as strings")
  @CsvSource({"master, trunk", "1.0, master", "latest, master", "1..2, 1.3"})
  void versionsHabitatCannotSplitCompareAsStrings(String lower, String higher) {
    assertEquals(-1, Integer.signum(VersionOrder.compareVersions(lower, higher)));
  }

  @Test
  void equalVersionsFallBackToTheRelease() {
    PackageIdent older = PackageIdent.parse("core/zlib/1.3/20260101000000");
    PackageIdent newer = PackageIdent.parse("core/zlib/1.3.0/20260202000000");
    assertEquals(-1, Integer.signum(VersionOrder.INSTANCE.compare(older, newer)));
    assertEquals(0, VersionOrder.INSTANCE.compare(older, older));
  }

  @Test
  void theVersionWinsOverTheRelease() {
    PackageIdent newerVersion = PackageIdent.parse("core/zlib/1.10/20200101000000");
    PackageIdent newerRelease = PackageIdent.parse("core/zlib/1.9/20260101000000");
    assertEquals(1, Integer.signum(VersionOrder.INSTANCE.compare(newerVersion, newerRelease)));
  }

  @Test
  void sortingAnyShuffleGivesOneOrder() {
    List<PackageIdent> expected =
        List.of(
            PackageIdent.of("core", "gcc"),
            PackageIdent.parse("core/gcc/9.1.0-rc1/20190101000000"),
            PackageIdent.parse("core/gcc/9.1.0/20190101000000"),
            PackageIdent.parse("core/gcc/9.1.0/20190505000000"),
            PackageIdent.parse("core/gcc/9.2.0"),
            PackageIdent.parse("core/gcc/9.10.0/20180101000000"),
            PackageIdent.parse("core/gcc/10.2.0/20200101000000"));
    Random random = new Random(4);
    for (int i = 0; i < 50; i++) {
      List<PackageIdent> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, random);
      shuffled.sort(VersionOrder.INSTANCE);
      assertEquals(expected, shuffled);
    }
  }
}
