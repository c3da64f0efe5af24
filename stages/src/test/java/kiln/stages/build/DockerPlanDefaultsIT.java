package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** The plan defaults suite in the Docker studio. */
class DockerPlanDefaultsIT extends PlanDefaultsContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.get();
  }
}
