package kiln.orchestrator.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.orchestrator.PipelineParts.StageInputs;
import kiln.orchestrator.StageException;
import kiln.orchestrator.StagePlan;
import kiln.orchestrator.StageWorks;
import kiln.orchestrator.StageWorks.PlanLine;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import kiln.world.BasePlans;
import kiln.world.BasePlansException;
import kiln.world.DepKind;
import kiln.world.Dependency;
import kiln.world.DependencyCycleException;
import kiln.world.Diagnostic;
import kiln.world.EvalContext;
import kiln.world.PackageIdent;
import kiln.world.Plan;
import kiln.world.PlanReader;
import kiln.world.PlanSource;
import kiln.world.UnreadablePlanException;
import kiln.world.World;
import kiln.world.WorldException;
import kiln.world.WorldRequest;

/**
 * What stages 1 to 3 build, read from the config's plans: the base list in list order, each entry
 * read in its own context (its stage's STUDIO_TYPE and its {@code VAR=value} settings, so {@code
 * ministd FIRST_PASS=true} and {@code ministd} may need different things), and the world in world
 * order without the base plans.
 */
public final class PlanLists implements StageInputs {

  private final PlanReader reader = new PlanReader();

  @Override
  public StagePlan basePlans(KilnConfig config, StageName stage) throws StageException {
    BasePlans base = readBasePlans(config);
    List<PlanLine> lines = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    for (BasePlans.Entry entry : base.entries()) {
      EvalContext context = contextFor(config, stage).with(entry.args());
      Plan plan = read(entry.planFile(), context, stage);
      plans.add(plan);
      lines.add(
          new PlanLine(
              new EntryKey(plan.ident(), settings(entry)), dirOf(config, entry), idents(plan)));
    }
    // Stage1's store starts empty and holds what the list built before; stage2's starts with
    // every package stage1 built, which is every base plan.
    Set<PackageIdent> installed = new HashSet<>();
    if (stage != StageName.STAGE1) {
      plans.forEach(p -> installed.add(p.ident()));
    }
    String advice =
        stage == StageName.STAGE1
            ? "which no earlier line of the base list builds (a stage1 studio holds only the tools"
                + " and those): list its plan before this one in "
                + config.basePlans()
                + ", or remove the dependency"
            : "which is not in the base list, so stage1 built no package for it: add its plan to "
                + config.basePlans()
                + ", or remove the dependency";
    return new StagePlan(
        StageWorks.baseList(stage, lines),
        unbuildable(lines, plans, installed, advice),
        declared(lines));
  }

  @Override
  public StagePlan world(KilnConfig config) throws StageException {
    World world = loadWorld(config);
    List<Plan> order;
    try {
      order = world.order(false);
    } catch (DependencyCycleException e) {
      throw new StageException("stage3: the world has dependency cycles:\n" + e.getMessage(), e);
    }
    List<PlanLine> lines = new ArrayList<>();
    Set<PackageIdent> provided = new HashSet<>();
    world.basePlans().forEach(p -> provided.add(p.ident())); // in the studio: stage2 built them
    List<Plan> plans = order.stream().filter(p -> !p.isMissing()).toList();
    for (Plan plan : plans) {
      lines.add(new PlanLine(EntryKey.of(plan.ident()), plan.displayPath(), idents(plan)));
      provided.add(plan.ident());
    }
    String advice =
        "which no plan in 'plans' of "
            + config.file()
            + " provides and no base plan builds: add its plan, fix the name, or remove the"
            + " dependency";
    // The work as kiln estimate makes it too; the lines only name the entries for the check.
    return new StagePlan(
        StageWorks.ofPlans(order), unbuildable(lines, plans, provided, advice), declared(lines));
  }

  /** Per entry, the origin/name of each dependency its plan declares: a build input. */
  private static Map<EntryKey, Set<PackageIdent>> declared(List<PlanLine> lines) {
    Map<EntryKey, Set<PackageIdent>> declared = new LinkedHashMap<>();
    for (PlanLine line : lines) {
      Set<PackageIdent> deps =
          new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
      line.deps().forEach(d -> deps.add(d.originAndName()));
      declared.put(line.key(), deps);
    }
    return declared;
  }

  /**
   * The entries with dependencies a studio would not hold, walking the stage in order: each plan's
   * package is installed for the plans after it.
   *
   * @param installed what the studio holds before the stage's first build; grows as it is walked
   */
  private static Map<EntryKey, List<String>> unbuildable(
      List<PlanLine> lines, List<Plan> plans, Set<PackageIdent> installed, String advice) {
    Map<EntryKey, List<String>> unbuildable = new LinkedHashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      List<String> missing = missing(plans.get(i), installed, advice);
      if (!missing.isEmpty()) {
        unbuildable.put(lines.get(i).key(), missing);
      }
      installed.add(plans.get(i).ident());
    }
    return unbuildable;
  }

  /**
   * The plan's dependencies a studio would not find, one line each with the file and line that
   * declares it. Only pkg_deps and pkg_build_deps: those are what a build resolves.
   */
  private static List<String> missing(Plan plan, Set<PackageIdent> installed, String advice) {
    return plan.deps().stream()
        .filter(d -> d.kind() != DepKind.SCAFFOLDING)
        .filter(d -> !installed.contains(d.ident()))
        .map(
            d -> d.declaredAt() + ": " + d.kind().setting() + " names " + d.ident() + ", " + advice)
        .distinct()
        .toList();
  }

  private World loadWorld(KilnConfig config) throws StageException {
    List<String> paths = config.plans().stream().map(Path::toString).toList();
    WorldRequest request =
        new WorldRequest(
            paths,
            config.target(),
            Set.of(),
            contextFor(config, StageName.STAGE3),
            PlanSource.statically(),
            false,
            config.basePlans(),
            true);
    try {
      World world = World.load(request);
      if (!world.unreadable().isEmpty()) {
        throw new StageException(
            "stage3: unreadable plans (fix them or move them out of 'plans'):\n  "
                + String.join("\n  ", world.unreadable().stream().map(Object::toString).toList()));
      }
      return world;
    } catch (WorldException | BasePlansException e) {
      throw new StageException("stage3: " + e.getMessage(), e);
    }
  }

  private BasePlans readBasePlans(KilnConfig config) throws StageException {
    BasePlans base;
    try {
      base = BasePlans.parse(config.basePlans());
    } catch (BasePlansException e) {
      throw new StageException("base-plans (" + config.file() + "): " + e.getMessage(), e);
    }
    if (!base.unresolved().isEmpty()) {
      // A bootstrap must build every base plan: here a missing one is fatal (all told at once).
      throw new StageException(
          "base-plans ("
              + config.file()
              + "): "
              + base.unresolved().size()
              + " entries with no plan in this tree:\n  "
              + base.unresolved().stream()
                  .map(Diagnostic::toString)
                  .collect(java.util.stream.Collectors.joining("\n  ")));
    }
    return base;
  }

  private Plan read(Path planFile, EvalContext context, StageName stage) throws StageException {
    try {
      return reader.read(planFile, context).plan();
    } catch (UnreadablePlanException e) {
      throw new StageException(stage + ": " + e.getMessage(), e);
    }
  }

  /**
   * The variables a plan is read with in a stage, as the studio will source it: stage1 plans see
   * STUDIO_TYPE=stage1, later stages a default studio. FIRST_PASS is only what an entry sets.
   */
  private static EvalContext contextFor(KilnConfig config, StageName stage) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("STUDIO_TYPE", stage == StageName.STAGE1 ? "stage1" : "default");
    variables.put("HAB_ORIGIN", config.origin());
    variables.put("pkg_target", config.target());
    return new EvalContext(variables);
  }

  private static List<String> settings(BasePlans.Entry entry) {
    return entry.args().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  private static String dirOf(KilnConfig config, BasePlans.Entry entry) {
    Path dir = entry.planDir().toAbsolutePath().normalize();
    Path folder = config.folder().toAbsolutePath().normalize();
    return dir.startsWith(folder) ? folder.relativize(dir).toString() : dir.toString();
  }

  private static List<kiln.world.PackageIdent> idents(Plan plan) {
    return plan.deps().stream().map(Dependency::ident).toList();
  }
}
