package kiln.orchestrator;

import java.util.List;
import java.util.Optional;

/**
 * How {@code kiln bootstrap} ended.
 *
 * @param stages each stage that ran, in order
 * @param stopped why the pipeline stopped before its last selected stage, if it did
 */
public record PipelineResult(List<StageResult> stages, Optional<String> stopped) {

  public PipelineResult {
    stages = List.copyOf(stages);
  }

  /** True when every selected stage ran to completion. */
  public boolean succeeded() {
    return stopped.isEmpty() && stages.stream().allMatch(StageResult::complete);
  }
}
