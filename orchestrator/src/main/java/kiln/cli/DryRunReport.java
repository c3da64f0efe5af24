package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import kiln.orchestrator.RunPreview;

/** Prints {@code kiln bootstrap --dry-run}: per stage, what would be built and why. */
final class DryRunReport {

  private DryRunReport() {}

  static void print(List<RunPreview.StagePreview> stages, PrintWriter out) {
    int total = 0;
    for (RunPreview.StagePreview stage : stages) {
      total += stage.builds().size();
      out.println(
          stage.stage()
              + ": "
              + (stage.builds().isEmpty() ? "nothing" : stage.builds().size())
              + " to build, "
              + stage.kept()
              + " kept");
      int width =
          stage.builds().stream().mapToInt(b -> b.key().toString().length()).max().orElse(0);
      for (RunPreview.Build build : stage.builds()) {
        String key = build.key().toString();
        out.println("  " + key + " ".repeat(width - key.length() + 2) + build.reason());
      }
    }
    out.println(
        total == 0
            ? "kiln: nothing would be built"
            : "kiln: " + total + " build(s) would run; nothing was built (--dry-run)");
    out.flush();
  }
}
