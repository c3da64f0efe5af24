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
    Map<PackageIdent, List<Plan>> byIdent = new HashMap<>();
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
      byIdent.computeIfAbsent(plan.ident(), i -> new ArrayList<>(1)).add(plan);
    }
    List<Plan> plans = new ArrayList<>(byIdent.size());
    List<PackageIdent> duplicated = new ArrayList<>();
    for (Map.Entry<PackageIdent, List<Plan>> e : byIdent.entrySet()) {
      List<Plan> candidates = e.getValue();
      if (candidates.size() == 1) {
        plans.add(candidates.get(0));
      } else {
        // The winner is chosen over all of them first, so every warning names the plan used.
        candidates.sort(PREFERRED);
        plans.add(candidates.get(0));
        duplicated.add(e.getKey());
      }
    }
    duplicated.sort(Idents.ORDER);
    for (PackageIdent ident : duplicated) {
      warnings.add(duplicateWarning(ident, byIdent.get(ident)));
    }
    plans.sort(Comparator.comparing(Plan::ident, Idents.ORDER));
    unreadable.sort(Comparator.comparing(Diagnostic::toString));
    return new PlanSet(plans, unreadable, warnings);
  }

  /** One warning per ident: all its plans, the one used first. */
  private static String duplicateWarning(PackageIdent ident, List<Plan> sorted) {
    String count = sorted.size() == 2 ? "two" : Integer.toString(sorted.size());
    StringBuilder text = new StringBuilder(count).append(" plans for ").append(ident).append(": ");
    text.append(sorted.get(0).path()).append(" and ");
    for (int i = 1; i < sorted.size(); i++) {
      text.append(i > 1 ? ", " : "").append(sorted.get(i).path());
    }
    text.append("; using ")
        .append(sorted.get(0).path())
        .append(" (shallowest path, then smallest), leaving out ");
    for (int i = 1; i < sorted.size(); i++) {
      text.append(i > 1 ? ", " : "").append(sorted.get(i).path());
    }
    return text.toString();
  }

  private static final Comparator<Plan> PREFERRED =
      Comparator.comparingInt((Plan p) -> Path.of(p.path()).normalize().getNameCount())
          .thenComparing(Plan::path);
}
