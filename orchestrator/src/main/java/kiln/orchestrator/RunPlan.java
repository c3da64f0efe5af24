package kiln.orchestrator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * What every stage of a run builds, read before the first build: a mistake in the plans or in the
 * options is told at once, not after the stages before it have built for hours.
 */
final class RunPlan {

  /** Up to this many plans are listed when {@code --stop-before} names none of them. */
  private static final int LISTED = 20;

  private final Map<StageName, StageWork> works;

  private RunPlan(Map<StageName, StageWork> works) {
    this.works = works;
  }

  /**
   * Reads the work of each stage that will run, and checks the options against it.
   *
   * @param stages the stages that will run (stage0 only when kiln makes the tools tarball)
   * @throws StageException when a stage's inputs cannot be read, or {@code --stop-before} names no
   *     plan of the run
   */
  static RunPlan read(
      KilnConfig config,
      PipelineParts.StageInputs inputs,
      Set<StageName> stages,
      SchedulerOptions options)
      throws StageException {
    Map<StageName, StageWork> works = new EnumMap<>(StageName.class);
    for (StageName stage : stages) {
      works.put(
          stage,
          switch (stage) {
            case STAGE0 -> ToolsTarballBuilder.work(config);
            case STAGE1, STAGE2 -> inputs.basePlans(config, stage);
            case STAGE3 -> inputs.world(config);
          });
    }
    RunPlan plan = new RunPlan(works);
    plan.checkStopBefore(options);
    return plan;
  }

  /** The work of a stage of the run. */
  StageWork work(StageName stage) {
    StageWork work = works.get(stage);
    if (work == null) {
      throw new IllegalArgumentException(stage + " is not a stage of this run");
    }
    return work;
  }

  private void checkStopBefore(SchedulerOptions options) throws StageException {
    if (options.stopBefore().isEmpty()
        || works.values().stream().flatMap(w -> w.keys().stream()).anyMatch(options::stopsBefore)) {
      return;
    }
    Set<String> plans = new LinkedHashSet<>();
    works.values().forEach(w -> w.keys().forEach(k -> plans.add(k.ident().toString())));
    List<String> listed = new ArrayList<>(plans).subList(0, Math.min(LISTED, plans.size()));
    throw new StageException(
        "--stop-before "
            + options.stopBefore().get()
            + ": no plan of this run is called so (stages "
            + works.keySet()
            + "); give an origin/name or a name of one of its plans: "
            + String.join(", ", listed)
            + (plans.size() > LISTED
                ? " and " + (plans.size() - LISTED) + " more (`kiln world-order` lists the world)"
                : ""));
  }
}
