package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** Plan failures on another engine, inputs and output through its API only. */
class CopiedPlanFailureIT extends PlanFailureContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.copying();
  }
}
