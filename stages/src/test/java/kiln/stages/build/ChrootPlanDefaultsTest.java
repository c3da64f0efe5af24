package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;

/** The defaults and utilities suite in the bubblewrap studio. */
class ChrootPlanDefaultsTest extends PlanDefaultsContract {
  @Override
  protected Studio studio() {
    return new ChrootStudio(Path.of("target/test-tools/unpacked").toAbsolutePath());
  }
}
