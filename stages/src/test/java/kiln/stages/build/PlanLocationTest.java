package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLocationTest {

  @TempDir Path plan;

  @Test
  void aTargetsOwnPlanComesFirst() throws Exception {
    touch("plan.sh");
    touch("habitat/x86_64-linux/plan.sh");
    assertEquals(
        Path.of("habitat/x86_64-linux/plan.sh"), PlanLocation.planFile(plan, "x86_64-linux"));
    assertEquals(Path.of("plan.sh"), PlanLocation.planFile(plan, "aarch64-linux"));
  }

  @Test
  void habitatSubdirectoryIsFound() throws Exception {
    touch("habitat/plan.sh");
    assertEquals(Path.of("habitat/plan.sh"), PlanLocation.planFile(plan, "x86_64-linux"));
  }

  @Test
  void noPlanSaysWhereItLooked() {
    BuildException e =
        assertThrows(BuildException.class, () -> PlanLocation.planFile(plan, "x86_64-linux"));
    assertTrue(e.getMessage().contains("habitat/plan.sh"), e.getMessage());
  }

  private void touch(String file) throws Exception {
    Files.createDirectories(plan.resolve(file).getParent());
    Files.writeString(plan.resolve(file), "pkg_name=x\n");
  }
}
