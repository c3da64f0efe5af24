package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePublishingTest {

  @TempDir Path dir;

  private KilnConfig config(String extra) throws Exception {
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("base.txt"), "");
    Files.writeString(dir.resolve("tools.tar.xz"), "");
    return ConfigLoader.load(
        Files.writeString(
            dir.resolve("kiln.yaml"),
            "origin: demo\nplans: [plans]\nbase-plans: base.txt\ntools-tarball: tools.tar.xz\n"
                + extra));
  }

  @Test
  void publishingFollowsItsStageOnlyWhenKilnYamlAsks() throws Exception {
    List<PostStageStep> plain = StagePublishing.standard(config(""), new Progress() {});
    List<PostStageStep> asked =
        StagePublishing.standard(
            config("publish: {repo: repo, stage: stage2}\n"), new Progress() {});

    assertEquals(List.of(PostStageStep.WORLD_ORDER_FILES), plain);
    assertEquals(2, asked.size());
    assertTrue(asked.get(1).follows(StageName.STAGE2));
    assertFalse(asked.get(1).follows(StageName.STAGE3));
  }

  @Test
  void dependenciesAreLookedForInTheEarlierStagesNearestFirst() throws Exception {
    KilnConfig config = config("");

    assertEquals(
        List.of(dir.resolve("results-stage2"), dir.resolve("results-stage1")),
        StagePublishing.request(config, StageName.STAGE3, List.of(), dir.resolve("r"), 1)
            .dependencyFolders());
    assertEquals(
        List.of(
            dir.resolve("results-stage3"),
            dir.resolve("results-stage2"),
            dir.resolve("results-stage1")),
        StagePublishing.request(config, StageName.COMPARE, List.of(), dir.resolve("r"), 1)
            .dependencyFolders());
  }
}
