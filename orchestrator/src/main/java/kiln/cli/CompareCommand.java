package kiln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.compare.Comparison;
import kiln.stages.compare.DifferenceReport;
import kiln.stages.compare.FileDifference;
import kiln.stages.compare.PackageComparison;
import kiln.stages.compare.ResultsComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln compare A B}: are two stages' artifacts the same, file by file? */
@Command(
    name = "compare",
    description = {
      "Compare the artifacts of two results folders (e.g. results-stage2 and a rebuild), file by"
          + " file, with the releases of B mapped onto A's: a system that builds itself rebuilds"
          + " the same bytes. Exit 0 when every package both hold is identical, 1 otherwise."
    })
final class CompareCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "A results folder of .hart files.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The results folder to compare it with.")
  Path b;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Write both versions of each differing file here, with diffoscope's report of each when"
              + " diffoscope is installed.")
  Path report;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ArtifactException, IOException {
    Comparison comparison = ResultsComparison.compare(a, b);
    PrintWriter out = spec.commandLine().getOut();
    ComparisonText.print(comparison, out);
    if (report != null && !comparison.identical()) {
      for (Path written : DifferenceReport.write(comparison, report)) {
        out.println("report: " + written);
      }
    }
    out.flush();
    return comparison.identical() ? 0 : FailureHandler.FAILED;
  }

  /** The comparison as lines: each package's verdict, each difference, then the totals. */
  static final class ComparisonText {
    private ComparisonText() {}

    static void print(Comparison comparison, PrintWriter out) {
      for (PackageComparison pkg : comparison.packages()) {
        if (pkg.identical()) {
          out.printf("%s: identical (%d files)%n", pkg.name(), pkg.compared());
        } else {
          out.printf(
              "%s: DIFFERENT (%d of %d files)%n",
              pkg.name(), pkg.differences().size(), pkg.compared());
          for (FileDifference difference : pkg.differences()) {
            out.printf("  %s: %s%n", difference.path(), difference.what());
          }
        }
      }
      comparison.onlyInA().forEach(name -> out.printf("%s: only in %s%n", name, comparison.a()));
      comparison.onlyInB().forEach(name -> out.printf("%s: only in %s%n", name, comparison.b()));
      long different = comparison.different().size();
      out.printf(
          "compare: %d identical, %d different, %d only in %s, %d only in %s%n",
          comparison.packages().size() - different,
          different,
          comparison.onlyInA().size(),
          comparison.a(),
          comparison.onlyInB().size(),
          comparison.b());
    }
  }
}
