package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import kiln.resume.Artifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactHashesTest {

  @TempDir Path work;

  private Path cache() {
    return work.resolve("cache/artifact-hashes");
  }

  private List<String> cacheLines() throws Exception {
    return Files.readAllLines(cache());
  }

  /** A check as one run makes it: a new cache object, saved after the check. */
  private Optional<String> check(Artifact built) throws Exception {
    ArtifactHashes hashes = ArtifactHashes.in(work);
    Optional<String> problem = hashes.problem(built);
    hashes.save();
    return problem;
  }

  /** Written a while ago, as an artifact checked on resume is: past the racy window. */
  private Path settled(String name, String text) throws Exception {
    Path file = Files.writeString(work.resolve(name), text);
    Thread.sleep(ArtifactHashes.RACY / 1_000_000 + 50);
    return file;
  }

  @Test
  void aFileDamagedInPlaceWithItsTimeSetBackIsFoundByContent() throws Exception {
    Path hart = settled("a.hart", "the artifact as built");
    Artifact built = Artifact.of(hart);
    assertEquals(Optional.empty(), check(built));
    FileTime modified = Files.getLastModifiedTime(hart);
    Files.writeString(hart, "the artifact as built".replace('b', 'c'));
    Files.setLastModifiedTime(hart, modified);
    Optional<String> problem = check(built);
    assertTrue(
        problem.orElse("").startsWith("no longer has the content it was built with"),
        problem.toString());
  }

  @Test
  void anUnchangedFileIsReadOnceAcrossRuns() throws Exception {
    Path hart = settled("a.hart", "content");
    Artifact built = Artifact.of(hart);
    assertEquals(Optional.empty(), check(built));
    assertEquals(Optional.empty(), check(built), "a second run");
    assertEquals(1, cacheLines().size(), "one hash taken: " + cacheLines());
  }

  @Test
  void aHashTakenInTheTickTheFileWasWrittenIsTakenAgain() throws Exception {
    Path hart = Files.writeString(work.resolve("a.hart"), "content");
    ArtifactHashes.in(work).remember(hart, Artifact.sha256Of(hart));
    ArtifactHashes later = ArtifactHashes.in(work);
    later.sha256(hart);
    later.save();
    assertEquals(2, cacheLines().size(), "a write in the same tick keeps the change time");
  }

  @Test
  void aTouchedFileIsReadAgainAndStillMatches() throws Exception {
    Path hart = settled("a.hart", "content");
    Artifact built = Artifact.of(hart);
    check(built);
    Files.setLastModifiedTime(hart, FileTime.fromMillis(0));
    assertEquals(Optional.empty(), check(built));
  }

  @Test
  void missingAndResizedArtifactsAreToldWithoutReadingThem() throws Exception {
    Path hart = settled("a.hart", "content");
    Artifact built = Artifact.of(hart);
    Files.writeString(hart, "longer content");
    assertEquals(Optional.of("has 14 bytes, not the 7 built"), check(built));
    Files.delete(hart);
    assertEquals(Optional.of("is missing"), check(built));
  }

  @Test
  void aTornCacheLineCostsARead() throws Exception {
    Path hart = settled("a.hart", "content");
    Files.createDirectories(cache().getParent());
    Files.writeString(cache(), "0123 torn\n");
    assertEquals(Artifact.sha256Of(hart), ArtifactHashes.in(work).sha256(hart));
  }
}
