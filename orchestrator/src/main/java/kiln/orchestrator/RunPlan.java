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

  private final Map<StageName, StagePlan> plans;

  private RunPlan(Map<StageName, StagePlan> plans) {
    this.plans = plans;
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
    Map<StageName, StagePlan> plans = new EnumMap<>(StageName.class);
    for (StageName stage : stages) {
      plans.put(
          stage,
          switch (stage) {
            case STAGE0 -> StagePlan.of(ToolsTarballBuilder.work(config));
            case STAGE1, STAGE2, COMPARE -> inputs.basePlans(config, stage);
            case STAGE3 -> inputs.world(config);
          });
    }
    RunPlan plan = new RunPlan(plans);
    plan.checkStopBefore(options);
    return plan;
  }

  /** The plan of a stage of the run. */
  StagePlan plan(StageName stage) {
    StagePlan plan = plans.get(stage);
    if (plan == null) {
      throw new IllegalArgumentException(stage + " is not a stage of this run");
    }
    return plan;
  }

  /** Every entry of the run that cannot build, one line per reason, in stage order. */
  List<String> unbuildable() {
    List<String> lines = new ArrayList<>();
    plans.forEach(
        (stage, plan) ->
            plan.unbuildable()
                .forEach(
                    (key, why) ->
                        why.forEach(w -> lines.add(stage + ": " + key + " cannot build: " + w))));
    return lines;
  }

  private List<StageWork> works() {
    return plans.values().stream().map(StagePlan::work).toList();
  }

  private void checkStopBefore(SchedulerOptions options) throws StageException {
    if (options.stopBefore().isEmpty()
        || works().stream().flatMap(w -> w.keys().stream()).anyMatch(options::stopsBefore)) {
      return;
    }
    Set<String> plans = new LinkedHashSet<>();
    works().forEach(w -> w.keys().forEach(k -> plans.add(k.ident().toString())));
    List<String> listed = new ArrayList<>(plans).subList(0, Math.min(LISTED, plans.size()));
    throw new StageException(
        "--stop-before "
            + options.stopBefore().get()
            + ": no plan of this run is called so (stages "
            + this.plans.keySet()
            + "); give an origin/name or a name of one of its plans: "
            + String.join(", ", listed)
            + (plans.size() > LISTED
                ? " and " + (plans.size() - LISTED) + " more (`kiln world-order` lists the world)"
                : ""));
  }
}
