package kiln.world;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A loaded world: its plans, base plans and graph, ready to answer {@code kiln world-order} and
 * {@code kiln dependents}. Warnings (statements not evaluated, duplicates, missing dependencies)
 * are collected for the caller to print.
 */
public final class World {

  private final WorldRequest request;
  private final PlanSet planSet;
  private final List<Diagnostic> unreadable;
  private final WorldGraph full;
  private final Map<PackageIdent, Plan> base;
  private final List<String> warnings;

  private World(
      WorldRequest request,
      PlanSet planSet,
      List<Diagnostic> unreadable,
      WorldGraph full,
      Map<PackageIdent, Plan> base,
      List<String> warnings) {
    this.request = request;
    this.planSet = planSet;
    this.unreadable = unreadable;
    this.full = full;
    this.base = base;
    this.warnings = warnings;
  }

  /**
   * Finds, reads and links the plans of a request.
   *
   * @throws WorldException when {@code strict} and a plan is unreadable, or a base plan is
   * @throws BasePlansException when the base-plans file cannot be read or has a bad line
   */
  public static World load(WorldRequest request) throws WorldException, BasePlansException {
    List<Diagnostic> unreadable = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String path : request.paths()) {
      if (Files.isDirectory(Path.of(path)) || Files.isRegularFile(Path.of(path))) {
        try {
          files.addAll(PlanDiscovery.expand(List.of(path)));
        } catch (java.io.IOException e) {
          unreadable.add(
              new Diagnostic(
                  new SourceLocation(Path.of(path), 0), IoFailures.message("cannot search it", e)));
        }
      } else {
        unreadable.add(
            new Diagnostic(new SourceLocation(Path.of(path), 0), "no such file or directory"));
      }
    }
    List<String> chosen = PlanDiscovery.forTarget(files, request.target());
    EvalContext context = request.context().with("pkg_target", request.target());
    PlanSet set = PlanSet.read(chosen, request.source(), context, request.origins());
    unreadable.addAll(set.unreadable());
    List<String> warnings = new ArrayList<>(set.warnings());
    Map<PackageIdent, Plan> base = new LinkedHashMap<>();
    if (request.basePlans() != null) {
      readBase(BasePlans.parse(request.basePlans()), request, context, base, unreadable, warnings);
    }
    if (request.strict() && !unreadable.isEmpty()) {
      throw new WorldException(
          unreadable.size()
              + " unreadable plan(s) (--strict):\n  "
              + unreadable.stream().map(Diagnostic::withPlan).collect(Collectors.joining("\n  ")));
    }
    WorldGraph graph = WorldGraph.of(set.plans());
    if (!request.origins().isEmpty()) {
      graph = graph.without(ident -> !request.origins().contains(ident.origin()));
    }
    return new World(request, set, List.copyOf(unreadable), graph, base, warnings);
  }

  /**
   * Reads the base list. Each entry is read in the world's context (STUDIO_TYPE, pkg_target,
   * HAB_ORIGIN) with exactly its own {@code VAR=value} assignments: FIRST_PASS is not inherited
   * from print-deps' stage1 context, since the list says per entry which pass it is. A plan listed
   * more than once is one base plan with the union of its entries' dependencies, placed at its last
   * entry (the pass the rest of the world builds on).
   */
  private static void readBase(
      BasePlans list,
      WorldRequest request,
      EvalContext context,
      Map<PackageIdent, Plan> base,
      List<Diagnostic> unreadable,
      List<String> warnings) {
    for (Diagnostic d : list.unresolved()) {
      if (request.strict()) {
        unreadable.add(d); // reported with the unreadable plans, all at once, and fatal
      } else {
        warnings.add(d + "; left out of the base plans (--strict makes this an error)");
      }
    }
    EvalContext baseContext = context.without("FIRST_PASS");
    // One read per distinct set of variables: under --eval that is one bash for most entries.
    Map<Map<String, String>, List<BasePlans.Entry>> byArgs = new LinkedHashMap<>();
    list.entries().forEach(e -> byArgs.computeIfAbsent(e.args(), a -> new ArrayList<>()).add(e));
    Map<BasePlans.Entry, PlanOutcome> outcomes = new java.util.HashMap<>();
    byArgs.forEach(
        (args, entries) -> {
          List<PlanOutcome> read =
              request
                  .source()
                  .readAll(
                      entries.stream().map(BasePlans.Entry::planFile).toList(),
                      baseContext.with(args));
          for (int i = 0; i < entries.size(); i++) {
            outcomes.put(entries.get(i), read.get(i));
          }
        });
    for (BasePlans.Entry entry : list.entries()) {
      PlanOutcome outcome = outcomes.get(entry);
      if (outcome.failure() != null) {
        unreadable.add(new Diagnostic(entry.at(), "base plan unreadable: " + outcome.failure()));
        continue;
      }
      outcome.reading().warnings().forEach(w -> warnings.add(w.toString()));
      Plan plan = outcome.reading().plan();
      Plan earlier = base.remove(plan.ident());
      base.put(plan.ident(), earlier == null ? plan : union(earlier, plan));
    }
  }

  /** The earlier entry's plan with the later entry's dependencies and sources added. */
  private static Plan union(Plan earlier, Plan later) {
    List<Dependency> deps = new ArrayList<>(earlier.deps());
    Set<PackageIdent> seen = new java.util.HashSet<>();
    earlier.deps().forEach(d -> seen.add(d.ident()));
    later.deps().stream().filter(d -> seen.add(d.ident())).forEach(deps::add);
    Set<Path> sources = new LinkedHashSet<>(earlier.sources());
    sources.addAll(later.sources());
    return new Plan(
        earlier.ident(),
        earlier.version(),
        earlier.path(),
        earlier.planFile(),
        deps,
        List.copyOf(sources));
  }

  /** The plans read (one per ident), with unreadable ones and warnings. */
  public PlanSet plans() {
    return planSet;
  }

  /** Every plan left out as unreadable, with file, line and why. */
  public List<Diagnostic> unreadable() {
    return unreadable;
  }

  /** The base plans in base-list order (each at its last entry). */
  public Collection<Plan> basePlans() {
    return base.values();
  }

  /** The graph of the world as asked: base plans left out under {@code --without-base}. */
  public WorldGraph graph() {
    return request.basePlans() == null ? full : full.without(base::containsKey);
  }

  /**
   * Build order. With a base list and without {@code --without-base}, the base plans come first in
   * list order (stage1 and stage2 build them so), then the rest of the world.
   *
   * @throws DependencyCycleException when there are cycles and {@code allowCycles} is false
   */
  public List<Plan> order(boolean allowCycles) throws DependencyCycleException {
    WorldGraph graph = graph();
    List<Plan> order = new ArrayList<>();
    if (request.basePlans() != null && !request.withoutBase()) {
      base.values()
          .forEach(p -> order.add(full.plan(p.ident()) == null ? p : full.plan(p.ident())));
    }
    order.addAll(allowCycles ? graph.orderAllowingCycles() : graph.order());
    return order;
  }

  /**
   * The build order of every plan these cycles do not hold up: their members and the plans that
   * depend on them are left out, the rest keeps its place in the order (base plans first, as in
   * {@link #order}). None of the plans kept depends on a plan left out, so the order is right.
   */
  public List<Plan> orderLeavingOut(List<DependencyCycle> cycles) {
    Set<PackageIdent> held = new java.util.HashSet<>();
    for (DependencyCycle cycle : cycles) {
      held.addAll(cycle.members());
      held.addAll(cycle.blocked());
    }
    List<Plan> order = new ArrayList<>();
    for (Plan plan : orderAllowingCycles()) {
      if (!held.contains(plan.ident())) {
        order.add(plan);
      }
    }
    return order;
  }

  private List<Plan> orderAllowingCycles() {
    try {
      return order(true);
    } catch (DependencyCycleException e) {
      throw new IllegalStateException("cycles are allowed here", e);
    }
  }

  /** The plans depending on these idents, in build order (base plans left out if asked). */
  public Dependents dependents(Collection<PackageIdent> idents, boolean direct) {
    Dependents found = full.dependentsOf(idents, direct);
    if (!request.withoutBase()) {
      return found;
    }
    Predicate<Plan> keep = p -> !base.containsKey(p.ident());
    return new Dependents(
        found.roots(), found.plans().stream().filter(keep).toList(), found.reachedBy());
  }

  /** Warnings for stderr, a missing dependency as one line with the count of plans needing it. */
  public List<String> warnings() {
    return warnings(false);
  }

  /**
   * Warnings for stderr: reader warnings, duplicates, missing dependencies, base problems.
   *
   * @param verbose name the plans that need each missing dependency, not just count them
   */
  public List<String> warnings(boolean verbose) {
    Set<String> out = new LinkedHashSet<>(warnings);
    graph()
        .missing()
        .forEach(
            (ident, needers) ->
                out.add(
                    "no plan provides "
                        + ident
                        + ", needed by "
                        + (needers.size() == 1 ? "1 plan" : needers.size() + " plans")
                        + (verbose
                            ? ": "
                                + needers.stream()
                                    .map(PackageIdent::toString)
                                    .collect(Collectors.joining(" "))
                            : " (--verbose names them)")));
    if (request.basePlans() != null && !request.withoutBase()) {
      for (Plan p : base.values()) {
        p.deps().stream()
            .filter(d -> !base.containsKey(d.ident()) && !d.ident().equals(p.ident()))
            .forEach(
                d ->
                    out.add(
                        d.declaredAt()
                            + ": base plan "
                            + p.ident()
                            + " needs "
                            + d.ident()
                            + ", which is not a base plan"));
      }
    }
    return List.copyOf(out);
  }

  /** One line for stderr: plans read, unreadable, missing dependencies. */
  public String summary(int printed) {
    return readSummary() + "; " + printed + " lines printed";
  }

  /** What loading found: plans read, unreadable, missing dependencies, base plans left out. */
  public String readSummary() {
    return planSet.plans().size()
        + " plans read, "
        + unreadable.size()
        + " unreadable, "
        + graph().missing().size()
        + " missing dependencies"
        + (request.withoutBase() ? ", " + base.size() + " base plans left out" : "");
  }
}
