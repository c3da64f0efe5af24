package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;

/** The plan conformance suite in the bubblewrap studio. */
class ChrootPlanConformanceTest extends PlanConformanceContract {
  @Override
  protected Studio studio() {
    return new ChrootStudio(Path.of("target/test-tools/unpacked").toAbsolutePath());
  }
}
