package kiln.stages.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two results folders of real signed artifacts, as two stages would leave them: the same packages
 * built at different releases, whose files name their own and their dependencies' paths.
 */
class ResultsComparisonTest {

  @TempDir Path dir;
  SecretSigningKey key;

  @BeforeEach
  void key() throws Exception {
    OriginKeys keys = OriginKeys.in(dir.resolve("keys"));
    keys.generate("demo");
    key = keys.latestSigningKey("demo");
  }

  @Test
  void packagesWhoseFilesDifferOnlyByTheirReleasesAreIdentical() throws Exception {
    Path a = dir.resolve("stage2");
    Path b = dir.resolve("compare");
    hart(a, "demo/glibc/2.36/20260101000000", Map.of("lib/libc.so.6", "libc"));
    hart(b, "demo/glibc/2.36/20260202000000", Map.of("lib/libc.so.6", "libc"));
    // bin/tcc names glibc's loader and its own prefix; both releases change between stages.
    hart(a, "demo/tcc/1.0/20260101000001", tcc("20260101000000", "20260101000001"));
    hart(b, "demo/tcc/1.0/20260202000001", tcc("20260202000000", "20260202000001"));

    Comparison comparison = ResultsComparison.compare(a, b);

    assertTrue(comparison.identical(), () -> comparison.toString());
    assertEquals(List.of("demo/glibc", "demo/tcc"), names(comparison.packages()));
  }

  @Test
  void aFileThatEmbedsTheBuildTimeIsNamedWithItsPackage() throws Exception {
    Path a = dir.resolve("stage2");
    Path b = dir.resolve("compare");
    hart(a, "demo/hello/1.0/20260101000000", Map.of("bin/hello", "built at 10:00", "README", "hi"));
    hart(b, "demo/hello/1.0/20260202000000", Map.of("bin/hello", "built at 11:00", "README", "hi"));

    Comparison comparison = ResultsComparison.compare(a, b);

    assertFalse(comparison.identical());
    PackageComparison hello = comparison.different().get(0);
    assertEquals("demo/hello", hello.name());
    assertEquals(List.of(new FileDifference("bin/hello", "contents differ")), hello.differences());
  }

  @Test
  void aPackageOnOneSideOnlyMakesThemDifferent() throws Exception {
    Path a = dir.resolve("stage2");
    Path b = dir.resolve("compare");
    hart(a, "demo/make/4.3/20260101000000", Map.of("bin/make", "make"));
    hart(a, "demo/bash/5.2/20260101000000", Map.of("bin/bash", "bash"));
    hart(b, "demo/make/4.3/20260202000000", Map.of("bin/make", "make"));

    Comparison comparison = ResultsComparison.compare(a, b);

    assertFalse(comparison.identical());
    assertEquals(List.of("demo/bash"), comparison.onlyInA());
    assertEquals(List.of(), comparison.different());
  }

  @Test
  void theReportHoldsBothVersionsOfADifferingFileWithReleasesMapped() throws Exception {
    Path a = dir.resolve("stage2");
    Path b = dir.resolve("compare");
    hart(
        a,
        "demo/hello/1.0/20260101000000",
        Map.of("bin/hello", "/hab/pkgs/demo/hello/1.0/20260101000000 10:00"));
    hart(
        b,
        "demo/hello/1.0/20260202000000",
        Map.of("bin/hello", "/hab/pkgs/demo/hello/1.0/20260202000000 11:00"));

    DifferenceReport.write(ResultsComparison.compare(a, b), dir.resolve("report"));

    Path folder = dir.resolve("report/demo-hello");
    assertEquals(
        "/hab/pkgs/demo/hello/1.0/20260101000000 10:00",
        Files.readString(folder.resolve("a/bin/hello")));
    assertEquals(
        "/hab/pkgs/demo/hello/1.0/20260101000000 11:00",
        Files.readString(folder.resolve("b/bin/hello")));
  }

  private static Map<String, String> tcc(String glibcRelease, String ownRelease) {
    return Map.of(
        "bin/tcc",
        "ELF\0/hab/pkgs/demo/glibc/2.36/"
            + glibcRelease
            + "/lib/ld-linux-x86-64.so.2\0"
            + "/hab/pkgs/demo/tcc/1.0/"
            + ownRelease
            + "/lib/tcc\0",
        "lib/tcc/include/stddef.h",
        "typedef long size_t;\n");
  }

  private static List<String> names(List<PackageComparison> packages) {
    return packages.stream().map(PackageComparison::name).toList();
  }

  private void hart(Path results, String identText, Map<String, String> files) throws Exception {
    PackageIdent ident = PackageIdent.parse(identText);
    Path root = dir.resolve("staging-" + ident.name() + "-" + ident.release());
    Path prefix = Packages.prefix(root, ident);
    Files.createDirectories(prefix);
    Files.writeString(prefix.resolve("IDENT"), ident.toString());
    Files.writeString(prefix.resolve("TARGET"), "x86_64-linux");
    for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
      Path to = prefix.resolve(file.getKey());
      Files.createDirectories(to.getParent());
      Files.write(to, file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    Files.createDirectories(results);
    new HartWriter(key, Optional.empty()).write(root, ident, "x86_64-linux", results);
  }
}
