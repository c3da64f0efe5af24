package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** Stage 1 to stage 2 in the Docker studio. */
class DockerDefaultStudioBuildIT extends DefaultStudioBuildContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.get();
  }
}
