package kiln.orchestrator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.config.PublishSettings;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.publish.LeftOut;
import kiln.stages.publish.PublishRequest;
import kiln.stages.publish.PublishResult;
import kiln.stages.publish.Publisher;
import kiln.stages.publish.RepositoryException;

/**
 * kiln.yaml's {@code publish:} as a step after its stage: the artifacts the ledger records as built
 * are published, with the packages of earlier stages they need. {@code kiln publish} makes the same
 * request from the results folder.
 */
public final class StagePublishing implements PostStageStep {

  private final PublishSettings settings;
  private final Progress progress;

  public StagePublishing(PublishSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** The steps after each stage: the world order files, and publishing when kiln.yaml asks. */
  public static List<PostStageStep> standard(KilnConfig config, Progress progress) {
    List<PostStageStep> steps = new ArrayList<>(List.of(PostStageStep.WORLD_ORDER_FILES));
    config.publish().ifPresent(p -> steps.add(new StagePublishing(p, progress)));
    return steps;
  }

  /**
   * What publishing a stage asks for: its artifacts, and the results of the stages before it
   * (nearest first) as the place its dependencies are found, signed with the config's origin key.
   */
  public static PublishRequest request(
      KilnConfig config, StageName stage, List<Path> artifacts, Path repository, int keep) {
    List<Path> earlier = new ArrayList<>();
    for (StageName before : StageName.values()) {
      if (before.compareTo(stage) < 0 && before != StageName.STAGE0) {
        earlier.add(0, config.results(before));
      }
    }
    return new PublishRequest(
        artifacts, earlier, repository, OriginKeys.in(config.keys()), config.origin(), keep);
  }

  /** What a publish did, in lines for a person. */
  public static List<String> report(PublishResult result) {
    List<String> lines = new ArrayList<>();
    String release = result.index().release();
    lines.add(
        (result.changed() ? "published release " : "unchanged: release ")
            + release
            + " ("
            + result.index().packages().size()
            + " packages) at "
            + result.release());
    for (LeftOut left : result.leftOut()) {
      lines.add("left out " + left);
    }
    if (!result.removed().isEmpty()) {
      lines.add("removed old releases " + String.join(", ", result.removed()));
    }
    return lines;
  }

  @Override
  public boolean follows(StageName stage) {
    return stage == settings.stage();
  }

  @Override
  public void run(KilnConfig config, StageWork work, StageState state) throws StageException {
    PublishRequest request =
        request(
            config,
            settings.stage(),
            ResultsFolder.builtArtifacts(state, ArtifactHashes.in(config.work())),
            settings.repository(),
            settings.keep());
    try {
      report(Publisher.publish(request))
          .forEach(line -> progress.note(state.stage() + ": " + line));
    } catch (RepositoryException e) {
      throw new StageException(
          state.stage() + ": publishing to " + settings.repository() + " failed: " + e.getMessage(),
          e);
    }
  }
}
