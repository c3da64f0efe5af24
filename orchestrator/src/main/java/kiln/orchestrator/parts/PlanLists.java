package kiln.orchestrator.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.orchestrator.PipelineParts.StageInputs;
import kiln.orchestrator.StageException;
import kiln.orchestrator.StageWorks;
import kiln.orchestrator.StageWorks.PlanLine;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.BasePlans;
import kiln.world.BasePlansException;
import kiln.world.Dependency;
import kiln.world.DependencyCycleException;
import kiln.world.EvalContext;
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
  public StageWork basePlans(KilnConfig config, StageName stage) throws StageException {
    BasePlans base = readBasePlans(config);
    List<PlanLine> lines = new ArrayList<>();
    for (BasePlans.Entry entry : base.entries()) {
      EvalContext context = contextFor(config, stage).with(entry.args());
      Plan plan = read(entry.planFile(), context, stage);
      lines.add(
          new PlanLine(
              new EntryKey(plan.ident(), settings(entry)), dirOf(config, entry), idents(plan)));
    }
    return StageWorks.baseList(stage, lines);
  }

  @Override
  public StageWork world(KilnConfig config) throws StageException {
    World world = loadWorld(config);
    List<Plan> order;
    try {
      order = world.order(false);
    } catch (DependencyCycleException e) {
      throw new StageException("stage3: the world has dependency cycles:\n" + e.getMessage(), e);
    }
    List<PlanLine> lines = new ArrayList<>();
    for (Plan plan : order) {
      if (!plan.isMissing()) {
        lines.add(new PlanLine(EntryKey.of(plan.ident()), plan.displayPath(), idents(plan)));
      }
    }
    return StageWorks.world(lines);
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
    try {
      return BasePlans.parse(config.basePlans());
    } catch (BasePlansException e) {
      throw new StageException("base-plans (" + config.file() + "): " + e.getMessage(), e);
    }
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
