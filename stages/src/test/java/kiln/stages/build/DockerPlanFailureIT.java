package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** The plan failure suite in the Docker studio. */
class DockerPlanFailureIT extends PlanFailureContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.get();
  }
}
