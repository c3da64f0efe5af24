package kiln.stages.studio;

import kiln.stages.studio.docker.SharedDockerStudio;

/**
 * What every studio promises, kept by a Docker studio on another engine that gets its inputs and
 * gives its output through the engine's API only.
 */
class CopiedDockerStudioContractIT extends StudioContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.copying();
  }

  @Override
  protected boolean sharesHostDisk() {
    return false;
  }
}
