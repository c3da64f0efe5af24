package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;

/** Stage 1 to stage 2 in the bubblewrap studio. */
class ChrootDefaultStudioBuildTest extends DefaultStudioBuildContract {
  @Override
  protected Studio studio() {
    return new ChrootStudio(Path.of("target/test-tools/unpacked").toAbsolutePath());
  }
}
