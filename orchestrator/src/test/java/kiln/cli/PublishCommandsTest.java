package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.publish.IndexEntry;
import kiln.stages.publish.RepositoryIndex;
import kiln.stages.publish.SignedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandsTest {

  @TempDir Path tmp;

  @Test
  void publishPutsTheStagesPackagesAndTheDependenciesTheyNeedInASignedRelease() throws Exception {
    PublishableDistribution demo = new PublishableDistribution(tmp.resolve("demo"), "");
    Path repo = tmp.resolve("repo");

    CliRun run =
        CliRun.of("publish", "--config", demo.config.toString(), "--repo", repo.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out()
            .startsWith(
                "published release 000001 (3 packages) at " + repo.resolve("releases/000001")),
        run.out());
    RepositoryIndex index =
        SignedIndex.read(repo.resolve("latest/INDEX"), OriginKeys.in(demo.keys));
    assertEquals(
        List.of(
            PublishableDistribution.GLIBC,
            PublishableDistribution.HELLO,
            PublishableDistribution.LIBGREET),
        index.packages().stream().map(IndexEntry::ident).map(Object::toString).toList());
  }

  @Test
  void kilnYamlsPublishSaysWhereAndWhatIsLeftOutIsPrinted() throws Exception {
    PublishableDistribution demo =
        new PublishableDistribution(tmp.resolve("demo"), "publish: {repo: ../repo, keep: 1}\n");
    demo.hart(
        "results-stage3",
        "demo/broken/1.0/20261202000200",
        List.of("demo/gone/1.0/20261101000000"),
        0);

    CliRun run = CliRun.of("publish", "--config", demo.config.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.out()
            .contains(
                "left out demo/broken/1.0/20261202000200: needs demo/gone/1.0/20261101000000"),
        run.out());
    assertTrue(Files.isSymbolicLink(tmp.resolve("repo/latest")));
  }

  @Test
  void withoutARepositoryPublishSaysHowToNameOne() throws Exception {
    PublishableDistribution demo = new PublishableDistribution(tmp.resolve("demo"), "");

    CliRun run = CliRun.of("publish", "--config", demo.config.toString());

    assertEquals(2, run.exit());
    assertTrue(
        run.err().contains("say where to publish: --repo DIR, or 'publish: {repo: DIR}' in "),
        run.err());
  }
}
