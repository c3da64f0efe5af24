package kiln.orchestrator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.Dependency;
import kiln.world.PackageIdent;
import kiln.world.Plan;

/**
 * Turns plan lists into {@link StageWork}: resolves each plan's declared dependencies (idents) to
 * the entries of the stage. For the wiring of {@link PipelineParts.StageInputs}.
 */
public final class StageWorks {

  private StageWorks() {}

  /**
   * One line of a plan list.
   *
   * @param key the plan's ident and its {@code VAR=value} settings
   * @param plan the plan's folder as the list gave it
   * @param deps the plan's declared dependencies (build and run), as idents
   */
  public record PlanLine(EntryKey key, String plan, Collection<PackageIdent> deps) {
    public PlanLine {
      deps = List.copyOf(deps);
    }
  }

  /**
   * A base stage: entries in list order; a dependency on a plan means the latest entry of that plan
   * before this one (after {@code patchelf FIRST_PASS=true}, {@code patchelf} means that entry).
   * Dependencies on plans not earlier in the list are left to the list order.
   */
  public static StageWork baseList(StageName stage, List<PlanLine> lines) {
    return resolve(stage, lines, true);
  }

  /**
   * The world stage: plans in world order (each after its deps); dependencies on plans outside the
   * world (the base plans, already in the studio) are dropped.
   *
   * @throws IllegalArgumentException when a plan comes before one of its deps
   */
  public static StageWork world(List<PlanLine> lines) {
    return resolve(StageName.STAGE3, lines, false);
  }

  /**
   * The world stage of plans in world order, as the pipeline and {@code kiln estimate} make it:
   * missing plans are passed over, and a dependency on a plan later in the order (a cycle ordered
   * anyway) is left to the order.
   */
  public static StageWork ofPlans(List<Plan> order) {
    List<PlanLine> lines = new ArrayList<>();
    java.util.Set<PackageIdent> earlier = new java.util.HashSet<>();
    for (Plan plan : order) {
      if (plan.isMissing()) {
        continue;
      }
      List<PackageIdent> deps =
          plan.deps().stream()
              .map(Dependency::ident)
              .filter(d -> earlier.contains(d.originAndName()))
              .toList();
      lines.add(new PlanLine(EntryKey.of(plan.ident()), plan.displayPath(), deps));
      earlier.add(plan.ident().originAndName());
    }
    return world(lines);
  }

  private static StageWork resolve(StageName stage, List<PlanLine> lines, boolean ordered) {
    Map<PackageIdent, EntryKey> latest = new HashMap<>();
    java.util.Set<PackageIdent> listed = new java.util.HashSet<>();
    lines.forEach(l -> listed.add(l.key().ident()));
    List<StageEntry> entries = new ArrayList<>();
    for (PlanLine line : lines) {
      TreeSet<EntryKey> deps = new TreeSet<>();
      for (PackageIdent dep : line.deps()) {
        EntryKey entry = latest.get(dep.originAndName());
        if (entry == null && !ordered && listed.contains(dep.originAndName())) {
          throw new IllegalArgumentException(
              stage
                  + ": "
                  + line.key()
                  + " comes before its dependency "
                  + dep.originAndName()
                  + " (the world order must put each plan after its deps)");
        }
        if (entry != null && !entry.equals(line.key())) {
          deps.add(entry);
        }
      }
      entries.add(new StageEntry(line.key(), line.plan(), deps));
      latest.put(line.key().ident(), line.key());
    }
    return new StageWork(stage, entries, ordered);
  }
}
