package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;

/** The bad-input suite in the bubblewrap studio. */
class ChrootPlanFailureTest extends PlanFailureContract {
  @Override
  protected Studio studio() {
    return new ChrootStudio(Path.of("target/test-tools/unpacked").toAbsolutePath());
  }
}
