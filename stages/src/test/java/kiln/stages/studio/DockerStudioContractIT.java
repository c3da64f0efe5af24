package kiln.stages.studio;

import kiln.stages.studio.docker.SharedDockerStudio;

/** What every studio promises, kept by the Docker studio. */
class DockerStudioContractIT extends StudioContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.get();
  }
}
