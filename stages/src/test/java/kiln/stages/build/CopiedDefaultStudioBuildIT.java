package kiln.stages.build;

import kiln.stages.studio.Studio;
import kiln.stages.studio.docker.SharedDockerStudio;

/** Stage 1 to stage 2 on another engine, inputs and output through its API only. */
class CopiedDefaultStudioBuildIT extends DefaultStudioBuildContract {
  @Override
  protected Studio studio() throws Exception {
    return SharedDockerStudio.copying();
  }
}
