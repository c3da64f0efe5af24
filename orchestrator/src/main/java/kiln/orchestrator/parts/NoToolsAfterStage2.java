package kiln.orchestrator.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.orchestrator.PipelineParts.Problem;
import kiln.orchestrator.PipelineParts.StageChecks;
import kiln.orchestrator.StageException;
import kiln.resume.StageName;
import kiln.stages.artifact.ArtifactException;
import kiln.world.IoFailures;

/**
 * After stage2 the system must build itself: no stage2 artifact may refer to {@code /tools}. Each
 * place that does is named, with the file and the text, and the world waits until the plan is fixed
 * (the pipeline records the entry as failed).
 */
public final class NoToolsAfterStage2 implements StageChecks {

  @Override
  public boolean checks(StageName stage) {
    return stage == StageName.STAGE2;
  }

  @Override
  public List<Problem> problems(StageName stage, List<Path> artifacts) throws StageException {
    if (stage != StageName.STAGE2) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    for (Path artifact : artifacts) {
      try {
        for (ToolsReferences.Reference found : ToolsReferences.inArtifact(artifact)) {
          problems.add(new Problem(artifact, "refers to /tools: " + found.place()));
        }
      } catch (IOException | ArtifactException e) {
        throw new StageException(
            IoFailures.message("stage2: cannot check " + artifact + " for /tools", e), e);
      }
    }
    return problems;
  }
}
