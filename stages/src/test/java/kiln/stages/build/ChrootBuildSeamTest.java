package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiln.stages.artifact.Blake2b;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import org.junit.jupiter.api.Test;

/**
 * What a build hands on, in the bubblewrap studio: the artifact's hashes as its writer computed
 * them (so nothing after the build reads it to learn them), the log written once, and a request's
 * files checked in one step that says what to do.
 */
class ChrootBuildSeamTest extends PlanBuildFixture {

  @Override
  protected Studio studio() {
    return new ChrootStudio(Path.of("target/test-tools/unpacked").toAbsolutePath());
  }

  @Test
  void theResultCarriesTheArtifactsHashesAsTheFileHasThem() throws Exception {
    BuildResult result = build(plan("settings"));
    Path artifact = result.artifact();

    assertEquals(SourceCache.sha256Of(artifact), result.hart().sha256());
    assertEquals(Blake2b.hexOf(artifact), result.hart().blake2b());
    assertEquals(Files.size(artifact), result.hart().size());
    assertEquals(
        Hart.open(artifact).verifySignature(OriginKeys.in(keys)), result.hart().payloadHash());
    String env = Files.readString(result.lastBuildEnv());
    assertTrue(env.contains("pkg_sha256sum=" + result.hart().sha256() + "\n"), env);
    assertTrue(env.contains("pkg_blake2bsum=" + result.hart().blake2b() + "\n"), env);
  }

  @Test
  void aJustBuiltArtifactInstalledFromItsResultIsWhatLaterPlansResolve() throws Exception {
    BuildResult lib = build(plan("dep-lib"));
    builder.installBuilt(lib);

    BuildResult tool = build(plan("dep-tool"));

    String tdeps = HartPayload.read(tool.artifact(), tool.ident().toString()).text("TDEPS");
    assertTrue(tdeps.contains(lib.ident().toString()), tdeps);
  }

  @Test
  void aBuildGivenALogWritesItThereAndTheResultsDirLinksToIt() throws Exception {
    Path ledgerLog = Files.createDirectories(temp.resolve("ledger-logs")).resolve("one.1.log");

    BuildResult result = build(request(plan("settings")).log(ledgerLog));

    assertTrue(Files.isSymbolicLink(result.log()), "the results dir's log is a link");
    assertTrue(Files.isSameFile(ledgerLog, result.log()));
    assertTrue(
        Files.readString(ledgerLog).contains("Building " + result.ident()),
        Files.readString(ledgerLog));
    assertEquals(List.of(result.log().getFileName().toString()), logsIn(results()));
  }

  @Test
  void aFailedBuildGivenALogLeavesOnlyALinkToItInTheResultsDir() throws Exception {
    Path ledgerLog = Files.createDirectories(temp.resolve("ledger-logs")).resolve("fails.1.log");

    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(request(plan("fails", Map.of("FAIL_IN", "do_build"))).log(ledgerLog)));

    Path published = e.log().orElseThrow();
    assertTrue(Files.isSameFile(ledgerLog, published));
    assertTrue(Files.readString(ledgerLog).contains("do_build"), Files.readString(ledgerLog));
    assertEquals(List.of(published.getFileName().toString()), resultFiles());
  }

  @Test
  void aRequestNamingFilesThatAreNotThereFailsInOneMessageSayingWhatToDo() throws Exception {
    Path planDir = temp.resolve("plans/not-here");
    Path hart = temp.resolve("nowhere.hart");

    BuildException e =
        assertThrows(BuildException.class, () -> build(request(planDir).installs(List.of(hart))));

    assertTrue(e.getMessage().contains("plan directory " + planDir + " not found"), e.getMessage());
    assertTrue(e.getMessage().contains("give the directory that holds"), e.getMessage());
    assertTrue(
        e.getMessage().contains("cannot install " + hart + ": no such file"), e.getMessage());
    assertTrue(e.log().isEmpty(), "no studio ran, so no log");
    assertFalse(Files.exists(results()), "nothing in the results dir");
  }

  private static List<String> logsIn(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".log"))
          .toList();
    }
  }
}
