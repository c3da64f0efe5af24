package kiln.world;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The fixture plans under src/test/resources/plans, read as a user would give them. */
final class Fixtures {

  private Fixtures() {}

  static Path plans() {
    try {
      return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/plans")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path plan(String dir) {
    return plans().resolve(dir).resolve("plan.sh");
  }

  static PlanReading read(String dir) throws UnreadablePlanException {
    return new PlanReader().read(plan(dir), EvalContext.stage1());
  }

  static PlanReading read(String dir, EvalContext context) throws UnreadablePlanException {
    return new PlanReader().read(plan(dir), context);
  }

  static List<String> deps(Plan plan) {
    return plan.deps().stream().map(d -> d.ident().toString()).toList();
  }
}
