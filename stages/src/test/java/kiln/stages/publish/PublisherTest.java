package kiln.stages.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

  @TempDir Path tmp;

  private DemoHarts demo;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    demo = new DemoHarts(tmp.resolve("demo"));
    repo = tmp.resolve("repo");
  }

  @Test
  void theIndexListsEveryArtifactAsAnIndependentReaderSeesIt() throws Exception {
    PublishResult result = Publisher.publish(demo.stage3Into(repo, 2));

    Path latest = repo.resolve("latest").toRealPath();
    assertEquals(result.release().toRealPath(), latest);
    JsonNode index = IndependentReader.index(latest);
    assertEquals("kiln-repository-1", index.get("format").asText());
    Set<String> idents = new TreeSet<>();
    for (JsonNode entry : index.get("packages")) {
      Path file = latest.resolve(entry.get("file").asText());
      IndependentReader.Document hart = IndependentReader.document(file);
      Map<String, String> meta = IndependentReader.metadata(hart.payload());
      assertEquals(meta.get("IDENT"), entry.get("ident").asText());
      assertEquals(meta.get("TARGET"), entry.get("target").asText());
      assertEquals(Files.size(file), entry.get("size").asLong());
      assertEquals(IndependentReader.sha256(file), entry.get("sha256").asText());
      assertEquals(IndependentReader.blake2b(hart.payload()), entry.get("blake2b").asText());
      assertEquals(hart.signer(), entry.get("signer").asText());
      assertEquals(meta.getOrDefault("DEPS", ""), lines(entry.get("deps")));
      assertEquals(meta.getOrDefault("TDEPS", ""), lines(entry.get("tdeps")));
      // the artifact verifies with the key the release carries
      IndependentReader.verified(file, latest.resolve("keys").resolve(hart.signer() + ".pub"));
      idents.add(entry.get("ident").asText());
    }
    // stage3's own packages, and from stage2 only glibc, which they need (not busybox)
    assertEquals(Set.of(DemoHarts.GLIBC, DemoHarts.LIBGREET, DemoHarts.HELLO), idents);
    assertEquals(List.of(), result.leftOut());
  }

  @Test
  void kilnReadsTheSignedIndexBackWithThePublicKey() throws Exception {
    Publisher.publish(demo.stage3Into(repo, 2));

    RepositoryIndex index = SignedIndex.read(repo.resolve("latest/INDEX"), demo.keys);

    assertEquals("000001", index.release());
    assertEquals(
        DemoHarts.HELLO,
        index.newest(kiln.world.PackageIdent.of("demo", "hello")).orElseThrow().ident().toString());
  }

  @Test
  void aPackageWhoseDependencyIsMissingIsLeftOutWithItsDependentsAndReported() throws Exception {
    String orphan = "demo/orphan/1.0/20261202000200";
    String user = "demo/uses-orphan/1.0/20261202000300";
    String gone = "demo/gone/1.0/20261101000000";
    demo.hart(demo.stage3, orphan, List.of(gone), List.of(gone));
    demo.hart(demo.stage3, user, List.of(orphan), List.of(orphan, gone));

    PublishResult result = Publisher.publish(demo.stage3Into(repo, 2));

    List<String> left = result.leftOut().stream().map(LeftOut::what).sorted().toList();
    assertEquals(List.of(orphan, user), left);
    assertTrue(result.leftOut().stream().anyMatch(l -> l.why().contains("needs " + gone)));
    assertEquals(3, result.index().packages().size());
  }

  @Test
  void anArtifactThatDoesNotVerifyIsLeftOutAndSoIsWhatNeedsIt() throws Exception {
    demo.hart(demo.stage3, "demo/other/1.0/20261203000000", List.of(), List.of());
    Path libgreet =
        Publisher.artifactsIn(demo.stage3).stream()
            .filter(p -> p.getFileName().toString().startsWith("demo-libgreet"))
            .findFirst()
            .orElseThrow();
    byte[] bytes = Files.readAllBytes(libgreet);
    bytes[bytes.length - 10] ^= 1;
    Files.write(libgreet, bytes);

    PublishResult result = Publisher.publish(demo.stage3Into(repo, 2));

    assertEquals(2, result.leftOut().size(), result.leftOut().toString());
    assertTrue(
        result.leftOut().get(0).why().contains("hashes don't match"), result.leftOut().toString());
    assertEquals(DemoHarts.HELLO, result.leftOut().get(1).what());
    assertEquals(
        List.of("demo/other/1.0/20261203000000"),
        result.index().packages().stream().map(e -> e.ident().toString()).toList());
  }

  @Test
  void aStageWithNothingToPublishLeavesTheReleaseThereAlone() throws Exception {
    Publisher.publish(demo.stage3Into(repo, 2));
    for (Path hart : Publisher.artifactsIn(demo.stage3)) {
      Files.delete(hart);
    }

    RepositoryException e =
        assertThrows(RepositoryException.class, () -> Publisher.publish(demo.stage3Into(repo, 2)));

    assertTrue(e.getMessage().contains("the stage has no artifacts"), e.getMessage());
    assertEquals(3, IndependentReader.index(repo.resolve("latest")).get("packages").size());
  }

  @Test
  void eachPublishIsANewReleaseAndOnlyTheNewestKeptOnesRemain() throws Exception {
    List<String> latest = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      demo.hart(demo.stage3, "demo/extra" + i + "/1.0/20261203000000", List.of(), List.of());
      PublishResult result = Publisher.publish(demo.stage3Into(repo, 2));
      assertTrue(result.changed());
      latest.add(Files.readSymbolicLink(repo.resolve("latest")).toString());
    }

    assertEquals(
        List.of("releases/000001", "releases/000002", "releases/000003", "releases/000004"),
        latest);
    assertEquals(List.of("000002", "000003", "000004"), names(repo.resolve("releases")));
  }

  @Test
  void publishingTheSameSetAgainChangesNothing() throws Exception {
    Publisher.publish(demo.stage3Into(repo, 2));

    PublishResult again = Publisher.publish(demo.stage3Into(repo, 2));

    assertFalse(again.changed());
    assertEquals(List.of("000001"), names(repo.resolve("releases")));
  }

  @Test
  void whatAKilledPublishLeftIsRemovedAndTheReleaseItWasBuildingNeverShows() throws Exception {
    Publisher.publish(demo.stage3Into(repo, 2));
    Files.createDirectories(repo.resolve("releases/.building-000002/artifacts"));
    Files.createSymbolicLink(repo.resolve(".latest-000002"), Path.of("releases/.building-000002"));
    demo.hart(demo.stage3, "demo/extra/1.0/20261203000000", List.of(), List.of());

    Publisher.publish(demo.stage3Into(repo, 2));

    assertEquals(List.of("000001", "000002"), names(repo.resolve("releases")));
    assertFalse(
        Files.exists(repo.resolve(".latest-000002"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(4, IndependentReader.index(repo.resolve("latest")).get("packages").size());
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String lines(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(n -> items.add(n.asText()));
    return String.join("\n", items);
  }
}
