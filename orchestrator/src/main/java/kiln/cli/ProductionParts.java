package kiln.cli;

import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.parts.NoToolsAfterStage2;
import kiln.orchestrator.parts.PlanLists;
import kiln.orchestrator.parts.SameAsStage2;
import kiln.orchestrator.parts.SpecTarballMaker;
import kiln.orchestrator.parts.StudioBuilders;
import kiln.resume.StageName;

/**
 * The real stage parts for {@code kiln bootstrap}: the tools tarball from its spec
 * (toolchain-spec), the base list and the world order (world-order), the studio builds (stages) and
 * the check that stage2 no longer needs {@code /tools}.
 */
final class ProductionParts {

  private ProductionParts() {}

  static PipelineParts forConfig(KilnConfig config) {
    return new PipelineParts(
        new SpecTarballMaker(System.getenv()),
        new PlanLists(),
        new StudioBuilders(System.getenv(), note -> System.err.println("kiln: " + note)),
        new NoToolsAfterStage2()
            .and(
                new SameAsStage2(
                    config.results(StageName.STAGE2),
                    config.results(StageName.COMPARE),
                    config.work().resolve("compare-report"))));
  }
}
