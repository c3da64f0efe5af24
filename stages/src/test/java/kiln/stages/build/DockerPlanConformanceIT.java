package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** The plan conformance suite in the Docker studio. */
class DockerPlanConformanceIT extends PlanConformanceContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.get();
  }
}
