package kiln.cli;

import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.StageException;
import kiln.orchestrator.config.KilnConfig;

/**
 * The real stage parts for {@code kiln bootstrap}: the tools tarball maker (toolchain-spec), the
 * base list and world order (world-order), the studio builders and the stage2 {@code /tools} check
 * (stages). They are wired here when those modules provide them; until then bootstrap says so
 * instead of pretending to build.
 */
final class ProductionParts {

  private ProductionParts() {}

  static PipelineParts forConfig(KilnConfig config) throws StageException {
    throw new StageException(
        "kiln bootstrap cannot build plans yet in this build: the studios, the plan build program"
            + " and the world order are not wired into the pipeline (kiln.cli.ProductionParts)");
  }
}
