package kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import kiln.orchestrator.Prediction;
import kiln.orchestrator.WorldEstimate;
import kiln.orchestrator.history.Estimate;

/** How {@code kiln estimate} shows its result: lines for people, or JSON for scripts. */
final class EstimateReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EstimateReport() {}

  static String text(WorldEstimate.Result result) {
    Prediction p = result.prediction();
    int n = p.utilisation().size();
    double path = p.criticalPath().stream().mapToDouble(Prediction.Step::seconds).sum();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%d plans on %d builder%s, policy %s%n",
            result.plans(),
            n,
            n == 1 ? "" : "s",
            result.policy().id()));
    s.append("estimates: ").append(bases(result)).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "predicted makespan: %s (%.2fx the lower bound)%n",
            duration(p.makespanSeconds()),
            p.ratio()));
    s.append(
        String.format(
            Locale.ROOT,
            "lower bound:        %s = max(critical path %s, total work %s / %d builders)%n",
            duration(p.lowerBoundSeconds()),
            duration(path),
            duration(p.totalWorkSeconds()),
            n));
    s.append(String.format(Locale.ROOT, "critical path (%d builds):%n", p.criticalPath().size()));
    for (Prediction.Step step : p.criticalPath()) {
      s.append(String.format(Locale.ROOT, "  %-40s %s%n", step.key(), duration(step.seconds())));
    }
    s.append("builders' utilisation:");
    p.utilisation().forEach(u -> s.append(String.format(Locale.ROOT, " %.0f%%", 100 * u)));
    s.append(
        String.format(
            Locale.ROOT,
            " (mean %.0f%%)%n",
            100 * p.utilisation().stream().mapToDouble(d -> d).average().orElse(0)));
    return s.toString();
  }

  static String json(WorldEstimate.Result result) {
    Prediction p = result.prediction();
    ObjectNode root = JSON.createObjectNode();
    root.put("policy", result.policy().id());
    root.put("builders", p.utilisation().size());
    root.put("plans", result.plans());
    root.put("makespan_s", seconds(p.makespanSeconds()));
    root.put("lower_bound_s", seconds(p.lowerBoundSeconds()));
    root.put("total_work_s", seconds(p.totalWorkSeconds()));
    ArrayNode path = root.putArray("critical_path");
    for (Prediction.Step step : p.criticalPath()) {
      ObjectNode node = path.addObject();
      node.put("ident", step.key().toString());
      node.put("seconds", seconds(step.seconds()));
    }
    ArrayNode used = root.putArray("utilisation");
    p.utilisation().forEach(u -> used.add(BigDecimal.valueOf(u).setScale(3, RoundingMode.HALF_UP)));
    ObjectNode bases = root.putObject("estimates");
    for (Estimate.Basis basis : Estimate.Basis.values()) {
      bases.put(basis.label(), result.bases().getOrDefault(basis, 0));
    }
    return root.toString() + "\n";
  }

  private static String bases(WorldEstimate.Result result) {
    List<String> parts =
        java.util.Arrays.stream(Estimate.Basis.values())
            .filter(b -> result.bases().containsKey(b))
            .map(b -> result.bases().get(b) + " from " + b.label())
            .toList();
    return String.join(", ", parts);
  }

  private static BigDecimal seconds(double s) {
    return BigDecimal.valueOf(s).setScale(3, RoundingMode.HALF_UP);
  }

  /** {@code 45s}, {@code 12m05s}, {@code 3h02m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
