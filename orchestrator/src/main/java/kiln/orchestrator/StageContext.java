package kiln.orchestrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageName;

/**
 * What a stage's builder needs to know.
 *
 * @param config the distribution's config
 * @param stage the stage
 * @param toolsTarball for stage1: the tarball unpacked at {@code /tools}
 * @param results where this stage's artifacts go ({@code results-stageN/})
 * @param previousArtifacts for stage2 and stage3: the artifacts of the stage before, which are all
 *     the studio may have installed: exactly the ones the ledger records as built for that stage's
 *     entries (not whatever else lies in its results folder), in stage order
 */
public record StageContext(
    KilnConfig config,
    StageName stage,
    Optional<Path> toolsTarball,
    Path results,
    List<Path> previousArtifacts) {

  public StageContext {
    previousArtifacts = List.copyOf(previousArtifacts);
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(results, "results");
    if (stage == StageName.STAGE1 && toolsTarball.isEmpty()) {
      throw new IllegalArgumentException("stage1 needs the tools tarball");
    }
  }
}
