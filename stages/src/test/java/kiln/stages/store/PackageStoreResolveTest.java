package kiln.stages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageStoreResolveTest {

  private static final String TARGET = "x86_64-linux";

  @TempDir Path tmp;

  private PackageStore store;

  @BeforeEach
  void installSome() throws Exception {
    store = new PackageStore(tmp);
    for (String ident :
        List.of(
            "core/zlib/1.2.13/20250101000000",
            "core/zlib/1.2.13/20250303000000",
            "core/zlib/1.3/20250202000000",
            "core/zlib/1.3.1-rc1/20250404000000",
            "core/zlib/1.10/20240101000000",
            "core/gcc/13.2.0/20250101000000")) {
      StoreFixture.installed(tmp, ident, TARGET);
    }
    StoreFixture.installed(tmp, "core/zlib/9.0/20250101000000", "aarch64-linux");
  }

  @Test
  void originAndNameGetTheHighestVersionForTheTarget() throws Exception {
    assertEquals("core/zlib/1.10/20240101000000", resolve("core/zlib"));
    assertEquals(
        "core/zlib/9.0/20250101000000",
        store.resolve(PackageIdent.parse("core/zlib"), "aarch64-linux").ident().toString());
  }

  @Test
  void aVersionGetsItsLatestRelease() throws Exception {
    assertEquals("core/zlib/1.2.13/20250303000000", resolve("core/zlib/1.2.13"));
  }

  @Test
  void aFullIdentGetsExactlyThatPackage() throws Exception {
    assertEquals("core/zlib/1.2.13/20250101000000", resolve("core/zlib/1.2.13/20250101000000"));
  }

  @Test
  void packagesWithoutTargetMatchAnyTarget() throws Exception {
    StoreFixture.installed(tmp, "core/busybox/1.36/20250101000000", null);
    assertEquals("core/busybox/1.36/20250101000000", resolve("core/busybox"));
  }

  @Test
  void anUnresolvableDependencySaysWhatIsInstalled() {
    StoreException e = assertThrows(StoreException.class, () -> resolve("core/zlib/1.4"));
    assertEquals(
        "cannot resolve dependency core/zlib/1.4 for x86_64-linux in "
            + tmp
            + ": installed of core/zlib: core/zlib/1.2.13/20250101000000 (x86_64-linux),"
            + " core/zlib/1.2.13/20250303000000 (x86_64-linux), core/zlib/1.3/20250202000000"
            + " (x86_64-linux), core/zlib/1.3.1-rc1/20250404000000 (x86_64-linux),"
            + " core/zlib/1.10/20240101000000 (x86_64-linux), core/zlib/9.0/20250101000000"
            + " (aarch64-linux); install its artifact or build it first",
        e.getMessage());
  }

  @Test
  void aDependencyWithNothingInstalledSaysSo() {
    StoreException e = assertThrows(StoreException.class, () -> resolve("core/openssl"));
    assertEquals(
        "cannot resolve dependency core/openssl for x86_64-linux in "
            + tmp
            + ": nothing of core/openssl is installed; install its artifact or build it first",
        e.getMessage());
  }

  @Test
  void resolveAllReportsEveryMissingDependencyAtOnce() throws Exception {
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                store.resolveAll(
                    List.of(
                        PackageIdent.parse("core/a"),
                        PackageIdent.parse("core/gcc"),
                        PackageIdent.parse("core/b")),
                    TARGET));
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(2, lines.size());
    assertEquals(true, lines.get(0).startsWith("cannot resolve dependency core/a "));
    assertEquals(true, lines.get(1).startsWith("cannot resolve dependency core/b "));
    assertEquals(1, store.resolveAll(List.of(PackageIdent.parse("core/gcc")), TARGET).size());
  }

  private String resolve(String dep) throws StoreException {
    return store.resolve(PackageIdent.parse(dep), TARGET).ident().toString();
  }
}
