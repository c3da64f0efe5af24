package kiln.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans of a world, one per ident: read, with unreadable plans set aside, duplicates resolved
 * (the shallowest path wins, then the lexicographically smallest, with a warning naming both) and,
 * if asked, only some origins kept.
 *
 * @param plans the plans, sorted by ident
 * @param unreadable why each unreadable plan was left out
 * @param warnings what a maintainer should know: statements not evaluated, duplicates
 */
public record PlanSet(List<Plan> plans, List<Diagnostic> unreadable, List<String> warnings) {

  public PlanSet {
    plans = List.copyOf(plans);
    unreadable = List.copyOf(unreadable);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads these plan files.
   *
   * @param origins the origins to keep; empty keeps all
   */
  public static PlanSet read(
      List<String> planPaths, PlanSource source, EvalContext context, Set<String> origins) {
    List<Path> files = planPaths.stream().sorted().map(Path::of).toList();
    Map<PackageIdent, Plan> chosen = new HashMap<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (PlanOutcome outcome : source.readAll(files, context)) {
      if (outcome.failure() != null) {
        unreadable.add(outcome.failure());
        continue;
      }
      outcome.reading().warnings().forEach(w -> warnings.add(w.toString()));
      Plan plan = outcome.reading().plan();
      if (!origins.isEmpty() && !origins.contains(plan.ident().origin())) {
        continue;
      }
      Plan other = chosen.get(plan.ident());
      if (other == null) {
        chosen.put(plan.ident(), plan);
      } else {
        Plan winner = PREFERRED.compare(plan, other) < 0 ? plan : other;
        Plan loser = winner == plan ? other : plan;
        chosen.put(plan.ident(), winner);
        warnings.add(
            "two plans for "
                + plan.ident()
                + ": "
                + winner.path()
                + " and "
                + loser.path()
                + "; using "
                + winner.path()
                + " (shallowest path, then smallest)");
      }
    }
    List<Plan> plans = new ArrayList<>(chosen.values());
    plans.sort(Comparator.comparing(Plan::ident, Idents.ORDER));
    unreadable.sort(Comparator.comparing(Diagnostic::toString));
    return new PlanSet(plans, unreadable, warnings);
  }

  private static final Comparator<Plan> PREFERRED =
      Comparator.comparingInt((Plan p) -> Path.of(p.path()).normalize().getNameCount())
          .thenComparing(Plan::path);
}
