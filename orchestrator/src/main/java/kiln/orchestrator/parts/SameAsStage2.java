package kiln.orchestrator.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.PipelineParts.Problem;
import kiln.orchestrator.PipelineParts.StageChecks;
import kiln.orchestrator.StageException;
import kiln.resume.StageName;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.compare.Comparison;
import kiln.stages.compare.DifferenceReport;
import kiln.stages.compare.FileDifference;
import kiln.stages.compare.PackageComparison;
import kiln.stages.compare.ResultsComparison;

/**
 * The compare stage's check, the proof that the system builds itself: the base rebuilt from
 * stage3's packages must hold the same bytes as stage2's, file by file, once the releases are
 * mapped. A package that differs is recorded as failed, naming its files; both versions of each,
 * and diffoscope's report when it is installed, go to the report folder.
 */
public final class SameAsStage2 implements StageChecks {

  private final Path stage2;
  private final Path rebuilt;
  private final Path report;

  /**
   * @param stage2 stage2's results folder
   * @param rebuilt the compare stage's results folder
   * @param report where the report of the differences is written
   */
  public SameAsStage2(Path stage2, Path rebuilt, Path report) {
    this.stage2 = stage2;
    this.rebuilt = rebuilt;
    this.report = report;
  }

  @Override
  public boolean checks(StageName stage) {
    return stage == StageName.COMPARE;
  }

  @Override
  public List<Problem> problems(StageName stage, List<Path> artifacts) throws StageException {
    if (stage != StageName.COMPARE) {
      return List.of();
    }
    try {
      Comparison comparison = ResultsComparison.compare(stage2, rebuilt);
      Map<Path, PackageComparison> byArtifact = new HashMap<>();
      comparison.packages().forEach(p -> byArtifact.put(p.artifactB().toAbsolutePath(), p));
      if (!comparison.identical()) {
        DifferenceReport.write(comparison, report);
      }
      List<Problem> problems = new ArrayList<>();
      for (Path artifact : artifacts) {
        PackageComparison pkg = byArtifact.get(artifact.toAbsolutePath());
        if (pkg == null) {
          problems.add(
              new Problem(artifact, "has no counterpart in " + stage2 + " to compare with"));
          continue;
        }
        for (FileDifference difference : pkg.differences()) {
          problems.add(
              new Problem(
                  artifact,
                  "differs from stage2: "
                      + difference.path()
                      + " ("
                      + difference.what()
                      + "; report: "
                      + report.resolve(pkg.name().replace('/', '-'))
                      + ")"));
        }
      }
      return problems;
    } catch (ArtifactException | IOException e) {
      throw new StageException(
          "compare: cannot compare " + rebuilt + " with " + stage2 + ": " + e.getMessage(), e);
    }
  }
}
