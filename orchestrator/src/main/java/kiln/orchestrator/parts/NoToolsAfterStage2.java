package kiln.orchestrator.parts;

import java.io.IOException;
import java.util.List;
import kiln.orchestrator.PipelineParts.StageChecks;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StageException;
import kiln.orchestrator.StageResult;
import kiln.resume.StageName;
import kiln.stages.artifact.ArtifactException;

/**
 * After stage2 the system must build itself: no stage2 artifact may refer to {@code /tools}. Any
 * that does is named, with the file and the text, and the world waits until the plan is fixed.
 */
public final class NoToolsAfterStage2 implements StageChecks {

  @Override
  public void afterStage(StageContext context, StageResult result) throws StageException {
    if (context.stage() != StageName.STAGE2) {
      return;
    }
    List<ToolsReferences.Reference> found;
    try {
      found = ToolsReferences.in(context.results());
    } catch (IOException | ArtifactException e) {
      throw new StageException("stage2: cannot check the artifacts for /tools: " + e.getMessage());
    }
    if (!found.isEmpty()) {
      throw new StageException(
          "stage2: "
              + found.size()
              + " place(s) in stage2 artifacts still refer to /tools; the system is not yet built"
              + " by itself. Fix these plans so they use their dependencies instead:\n  "
              + String.join("\n  ", found.stream().map(Object::toString).toList()));
    }
  }
}
