package kiln.orchestrator.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanInputsTest {

  static final String SHA = "0123456789abcdef".repeat(4);

  @TempDir Path dir;

  @Test
  void theInputsNameThePlansFilesASourcedFileTheSourceTheSettingsAndTheDependencies()
      throws Exception {
    Path plan = Files.createDirectories(dir.resolve("plans/zlib"));
    Files.writeString(
        plan.resolve("plan.sh"),
        "source \"$PLAN_CONTEXT/../common/plan.sh\"\npkg_name=zlib\npkg_shasum=" + SHA + "\n");
    Files.writeString(plan.resolve("fix.patch"), "--- a\n");
    Files.createDirectories(dir.resolve("plans/common"));
    Files.writeString(dir.resolve("plans/common/plan.sh"), "pkg_origin=demo\n");
    StageEntry entry =
        new StageEntry(EntryKey.parse("demo/zlib FIRST_PASS=true"), "plans/zlib", new TreeSet<>());
    PlanInputs inputs =
        new PlanInputs(
            dir,
            FileDigests.ofWorkDir(dir.resolve("work")),
            Map.of("studio:demo/bash", "bb"),
            Map.of(PackageIdent.parse("demo/glibc"), "gg"),
            Map.of(entry.key(), Set.of(PackageIdent.parse("demo/glibc"))),
            "pp");

    BuildInputs made = inputs.of(entry, Map.of()).orElseThrow();

    assertEquals(
        List.of(
            "dep:demo/glibc",
            "file:fix.patch",
            "file:plan.sh",
            "program",
            "source",
            "sourced:../common/plan.sh",
            "studio:demo/bash",
            "var:FIRST_PASS"),
        List.copyOf(made.parts().keySet()));
    assertEquals(SHA, made.parts().get("source"));

    Files.writeString(dir.resolve("plans/common/plan.sh"), "pkg_origin=core\n");
    BuildInputs after = inputs.of(entry, Map.of()).orElseThrow();
    assertEquals(
        "changed: ../common/plan.sh", Rebuilds.describe(after, made), "a sourced file counts");
  }

  @Test
  void aTouchedFileIsReadAgainAndKeepsItsDigestAnUntouchedOneIsNotRead() throws Exception {
    Path file = Files.writeString(dir.resolve("plan.sh"), "pkg_name=x\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    FileDigests first = FileDigests.in(dir.resolve("cache"));
    String sha = first.sha256(file);
    first.save();

    FileDigests second = FileDigests.in(dir.resolve("cache"));
    assertEquals(sha, second.sha256(file));
    assertEquals(0, second.reads(), "answered from the cache");

    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
    assertEquals(sha, second.sha256(file), "a touch changes no digest");
    assertEquals(1, second.reads());

    Files.writeString(file, "pkg_name=y\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(20)));
    assertNotEquals(sha, second.sha256(file));
  }
}
