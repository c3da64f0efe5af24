package kiln.stages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitiveDepsTest {

  private static final String GLIBC = "core/glibc/2.36/20250101000000";
  private static final String ZLIB = "core/zlib/1.3/20250101000000";
  private static final String OPENSSL = "core/openssl/3.0/20250101000000";
  private static final String GCC_LIBS = "core/gcc-libs/13/20250101000000";
  private static final String LINUX_HEADERS = "core/linux-headers/6.1/20250101000000";

  @TempDir Path tmp;

  @Test
  void lowLevelDepsSinkBelowThePackagesThatNeedThem() throws Exception {
    InstalledPackage openssl =
        StoreFixture.installed(tmp, OPENSSL, null, ZLIB, GLIBC, LINUX_HEADERS);
    InstalledPackage glibc = StoreFixture.installed(tmp, GLIBC, null, LINUX_HEADERS);
    InstalledPackage zlib = StoreFixture.installed(tmp, ZLIB, null, GLIBC, LINUX_HEADERS);

    // Declared glibc, openssl, zlib: openssl's TDEPS move zlib and glibc below it.
    assertEquals(
        idents(OPENSSL, ZLIB, GLIBC, LINUX_HEADERS),
        TransitiveDeps.of(List.of(glibc, openssl, zlib)));
  }

  @Test
  void independentDirectDepsKeepTheirDeclaredOrder() throws Exception {
    InstalledPackage zlib = StoreFixture.installed(tmp, ZLIB, null, GLIBC);
    InstalledPackage gccLibs = StoreFixture.installed(tmp, GCC_LIBS, null, GLIBC);

    assertEquals(idents(ZLIB, GCC_LIBS, GLIBC), TransitiveDeps.of(List.of(zlib, gccLibs)));
    assertEquals(idents(GCC_LIBS, ZLIB, GLIBC), TransitiveDeps.of(List.of(gccLibs, zlib)));
  }

  @Test
  void noDepsMeansNoTdeps() throws Exception {
    assertEquals(List.of(), TransitiveDeps.of(List.of()));
  }

  @Test
  void twoReleasesOfOnePackageAreAnErrorNamingBoth() throws Exception {
    InstalledPackage zlib = StoreFixture.installed(tmp, ZLIB, null, GLIBC);
    InstalledPackage newerGlibc =
        StoreFixture.installed(tmp, "core/glibc/2.36/20260101000000", null);

    StoreException e =
        assertThrows(StoreException.class, () -> TransitiveDeps.of(List.of(newerGlibc, zlib)));

    assertEquals(
        "the dependencies need two releases of core/glibc: core/glibc/2.36/20260101000000 and "
            + GLIBC
            + "; rebuild the dependencies against one of them, or pin one with a fully qualified"
            + " dependency",
        e.getMessage());
  }

  @Test
  void aBadTdepsLineIsReportedWithItsFileAndLine() throws Exception {
    InstalledPackage broken = StoreFixture.installed(tmp, ZLIB, null, GLIBC, "core/glibc");
    StoreException e = assertThrows(StoreException.class, () -> TransitiveDeps.of(List.of(broken)));
    assertEquals(
        broken.dir().resolve("TDEPS") + ":2: 'core/glibc' is not origin/name/version/release",
        e.getMessage());
  }

  private static List<PackageIdent> idents(String... idents) {
    return Arrays.stream(idents).map(PackageIdent::parse).toList();
  }
}
