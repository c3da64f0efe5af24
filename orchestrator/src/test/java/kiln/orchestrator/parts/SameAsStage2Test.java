package kiln.orchestrator.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kiln.orchestrator.PipelineParts.Problem;
import kiln.resume.StageName;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare stage's check on real signed artifacts: a rebuild that embeds its build time is not
 * the same system, and the check says which package and which file; one that differs only by its
 * releases passes.
 */
class SameAsStage2Test {

  @TempDir Path dir;
  SecretSigningKey key;

  @BeforeEach
  void key() throws Exception {
    OriginKeys keys = OriginKeys.in(dir.resolve("keys"));
    keys.generate("demo");
    key = keys.latestSigningKey("demo");
  }

  @Test
  void aRebuildThatEmbedsItsBuildTimeFailsNamingThePackageTheFileAndTheReport() throws Exception {
    Path stage2 = dir.resolve("results-stage2");
    Path rebuilt = dir.resolve("results-compare");
    hart(stage2, "demo/hello/1.0/20260101000000", "hello, built 2026-01-01 10:00");
    hart(stage2, "demo/make/4.3/20260101000001", "make");
    Path hello = hart(rebuilt, "demo/hello/1.0/20260202000000", "hello, built 2026-02-02 11:00");
    Path make = hart(rebuilt, "demo/make/4.3/20260202000001", "make");
    Path report = dir.resolve("compare-report");

    List<Problem> problems =
        new SameAsStage2(stage2, rebuilt, report).problems(StageName.COMPARE, List.of(hello, make));

    assertEquals(
        List.of(
            new Problem(
                hello,
                "differs from stage2: bin/hello (contents differ; report: "
                    + report.resolve("demo-hello")
                    + ")")),
        problems);
    assertTrue(Files.readString(report.resolve("demo-hello/a/bin/hello")).contains("10:00"));
    assertTrue(Files.readString(report.resolve("demo-hello/b/bin/hello")).contains("11:00"));
  }

  @Test
  void onlyTheCompareStageIsChecked() {
    SameAsStage2 check = new SameAsStage2(dir, dir, dir);
    assertTrue(check.checks(StageName.COMPARE));
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2, StageName.STAGE3)) {
      assertEquals(false, check.checks(stage), stage.id());
    }
  }

  private Path hart(Path results, String identText, String program) throws Exception {
    PackageIdent ident = PackageIdent.parse(identText);
    Path root = dir.resolve("staging-" + ident.name() + "-" + ident.release());
    Path prefix = Packages.prefix(root, ident);
    Files.createDirectories(prefix.resolve("bin"));
    Files.writeString(prefix.resolve("IDENT"), ident.toString());
    Files.writeString(prefix.resolve("TARGET"), "x86_64-linux");
    for (Map.Entry<String, String> file :
        new TreeMap<>(Map.of("bin/" + ident.name(), program)).entrySet()) {
      Files.writeString(prefix.resolve(file.getKey()), file.getValue());
    }
    Files.createDirectories(results);
    return new HartWriter(key, Optional.empty()).write(root, ident, "x86_64-linux", results);
  }
}
