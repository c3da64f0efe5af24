package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.hooks.StageHooks;
import kiln.orchestrator.inputs.EntryInputs;
import kiln.orchestrator.inputs.FileDigests;
import kiln.orchestrator.inputs.StageInputsFactory;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.world.IoFailures;

/**
 * {@code kiln bootstrap}: runs the selected stages in order, each through the {@link Scheduler},
 * and hands over from one stage to the next only when the first has no failures (or is forced).
 */
public final class Pipeline {

  private final KilnConfig config;
  private final PipelineParts parts;
  private final RunJournal journal;
  private final Progress progress;
  private final LogPaths logs;
  private final HandOverCheck check;
  private final List<PostStageStep> steps;
  private final StageHooks hooks;
  private final StageInputsFactory inputs;
  private final FileDigests digests;

  /** A pipeline with the standard step after a stage: the world order files after stage3. */
  public Pipeline(KilnConfig config, PipelineParts parts, RunJournal journal, Progress progress) {
    this(config, parts, journal, progress, List.of(PostStageStep.WORLD_ORDER_FILES));
  }

  /**
   * @param steps what runs after each stage, in order (each where it {@linkplain
   *     PostStageStep#follows follows} the stage)
   */
  public Pipeline(
      KilnConfig config,
      PipelineParts parts,
      RunJournal journal,
      Progress progress,
      List<PostStageStep> steps) {
    this.config = config;
    this.parts = parts;
    this.journal = journal;
    this.progress = progress;
    this.logs = new LogPaths(config.work());
    this.check = new HandOverCheck(journal, parts.checks(), logs);
    this.steps = List.copyOf(steps);
    this.hooks = StageHooks.of(config, journal, logs);
    this.digests = FileDigests.ofWorkDir(config.work());
    this.inputs = new StageInputsFactory(config.folder(), config.backline(), digests);
  }

  /**
   * Runs the request's stages.
   *
   * @throws StageException when a stage cannot run at all (its inputs, its builder, a check)
   */
  public PipelineResult run(BootstrapRequest request)
      throws StageException, JournalException, BuilderException, InterruptedException {
    Set<StageName> stages = EnumSet.copyOf(request.stages());
    if (config.toolsTarball().isPresent()) {
      stages.remove(StageName.STAGE0); // a ready tarball is configured: nothing to make
    }
    if (!config.compare() && stages.remove(StageName.COMPARE) && stages.isEmpty()) {
      return new PipelineResult(
          List.of(),
          Optional.of(
              "the compare stage is off: set 'compare: true' in " + config.file() + " to run it"));
    }
    if (stages.isEmpty()) {
      return new PipelineResult(List.of(), Optional.empty());
    }
    RunPlan plan = RunPlan.read(config, parts.inputs(), stages, request.options());
    plan.unbuildable().forEach(progress::note);
    List<StageResult> results = new ArrayList<>();
    for (StageName stage : stages) {
      Optional<String> refusal = handOverRefusal(stage, request);
      if (refusal.isPresent()) {
        return new PipelineResult(results, refusal);
      }
      StageResult result = runStage(stage, plan.plan(stage), request.options());
      results.add(result);
      if (!result.complete()) {
        Optional<String> stop = stopAfter(result, request);
        if (stop.isPresent()) {
          return new PipelineResult(results, stop);
        }
      } else if (stage != StageName.STAGE3 && !request.force().contains(stage)) {
        // told now, even when the next stage is not asked for; the hand-over asks again (free:
        // the ledger remembers what passed)
        Optional<String> failed = check.run(stage);
        if (failed.isPresent()) {
          return new PipelineResult(results, failed);
        }
      }
    }
    return new PipelineResult(results, Optional.empty());
  }

  private StageResult runStage(StageName stage, StagePlan plan, SchedulerOptions options)
      throws StageException, JournalException, BuilderException, InterruptedException {
    StageContext context = context(stage);
    try {
      Files.createDirectories(context.results());
    } catch (IOException e) {
      throw new StageException(IoFailures.message("cannot make " + context.results(), e), e);
    }
    StageWork work = plan.work();
    tidy(stage, context);
    hooks.beforeStage(context, work); // kiln.yaml's hooks: docs/hooks.md
    EntryBuilder builder =
        stage == StageName.STAGE0
            ? new ToolsTarballBuilder(config, parts.stage0())
            : new UnbuildableEntries(parts.builders().forStage(context), plan.unbuildable());
    builder = hooks.aroundBuilds(context, builder);
    StageResult result;
    try {
      result =
          new Scheduler(work, journal, builder, logs, options, progress, inputsOf(context, plan))
              .run();
    } finally {
      digests.save();
    }
    tidy(stage, context); // an entry built again may have left its earlier artifact
    for (PostStageStep step : steps) {
      if (step.follows(stage)) {
        step.run(config, work, journal.state().stage(stage));
      }
    }
    hooks.afterStage(context, result);
    return result;
  }

  /** What the entries of a stage are built from, compared with what they were built from. */
  private EntryInputs inputsOf(StageContext context, StagePlan plan) throws StageException {
    try {
      return inputs.forStage(
          context.stage(), context.toolsTarball(), journal.state(), plan.declared(), Set.of());
    } catch (IOException e) {
      throw new StageException(context.stage() + ": " + e.getMessage(), e);
    }
  }

  /** Keeps a stage's results folder to exactly the artifacts its ledger records as built. */
  private void tidy(StageName stage, StageContext context) throws StageException {
    if (stage != StageName.STAGE0) {
      ResultsFolder.tidy(
          journal.state().stage(stage),
          context.results(),
          config.work().resolve("superseded").resolve(stage.id()),
          progress);
    }
  }

  private StageContext context(StageName stage) throws StageException {
    List<Path> previous = new ArrayList<>();
    if (stage == StageName.COMPARE) {
      // stage3's packages: the stage2 base its store started with, and the world it built
      previous.addAll(previousArtifacts(StageName.STAGE2));
      previous.addAll(previousArtifacts(StageName.STAGE3));
    } else if (stage.ordinal() >= StageName.STAGE2.ordinal()) {
      previous.addAll(previousArtifacts(StageName.values()[stage.ordinal() - 1]));
    }
    Optional<Path> tools =
        stage == StageName.STAGE1 ? Optional.of(toolsTarball()) : Optional.empty();
    return new StageContext(config, stage, tools, config.results(stage), previous);
  }

  /**
   * What the stage after {@code before} installs: the artifacts the ledger records as built for
   * {@code before}'s entries. Only when {@code before} never ran in this run (the hand-over then
   * needs {@code --force}, "use the results folder as it is") is it every artifact in its folder.
   */
  private List<Path> previousArtifacts(StageName before) throws StageException {
    StageState state = journal.state().stage(before);
    if (state.work().isPresent()) {
      return ResultsFolder.builtArtifacts(state, ArtifactHashes.of(journal));
    }
    Path results = config.results(before);
    if (!Files.isDirectory(results)) {
      return List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(results)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".hart")).sorted().toList();
    } catch (IOException e) {
      throw new StageException(IoFailures.message("cannot list " + results, e), e);
    }
  }

  /** The configured tarball, or the one stage0 made in this run, once it is known to unpack. */
  private Path toolsTarball() throws StageException {
    Path tarball = locateToolsTarball();
    List<String> problems = parts.stage0().problems(tarball);
    if (!problems.isEmpty()) {
      throw new StageException(
          "stage1: the tools tarball "
              + tarball
              + (config.toolsTarball().isPresent()
                  ? " (kiln.yaml 'tools-tarball') cannot be unpacked at /tools:\n  "
                  : " (made by stage0) cannot be unpacked at /tools:\n  ")
              + String.join("\n  ", problems)
              + (config.toolsTarball().isPresent()
                  ? "\nname a whole tools tarball in "
                      + config.file()
                      + " (`kiln stage0 build` makes one)"
                  : "\nit changed after stage0 made it: start a new run (`kiln bootstrap --new-run`)"
                      + " so stage0 makes it again"));
    }
    return tarball;
  }

  private Path locateToolsTarball() throws StageException {
    if (config.toolsTarball().isPresent()) {
      return config.toolsTarball().get();
    }
    EntryKey tools = ToolsTarballBuilder.key(config);
    return journal
        .entry(StageName.STAGE0, tools)
        .artifactIfBuilt()
        .map(a -> a.path())
        .filter(Files::isRegularFile)
        .orElseThrow(
            () ->
                new StageException(
                    "stage1 needs the tools tarball, and stage0 has not made one in this run:"
                        + " run `kiln bootstrap --only stage0` first, or set tools-tarball in "
                        + config.file()));
  }

  /** Why {@code stage} may not start, given how the stage before it stands in the ledger. */
  private Optional<String> handOverRefusal(StageName stage, BootstrapRequest request)
      throws StageException, JournalException {
    if (stage.ordinal() <= StageName.STAGE1.ordinal()) {
      return Optional.empty(); // stage1 checks for its tarball itself
    }
    StageName before = StageName.values()[stage.ordinal() - 1];
    if (request.force().contains(before)) {
      return Optional.empty();
    }
    StageState state = journal.state().stage(before);
    if (state.work().isEmpty()) {
      return Optional.of(
          stage
              + " needs "
              + before
              + "'s artifacts, and "
              + before
              + " has not run: run it first"
              + " (or --force "
              + before
              + " to use "
              + config.results(before)
              + " as it is)");
    }
    long unfinished =
        state.planSet().stream()
            .filter(k -> state.entry(k).status() != EntryStatus.BUILT && !state.setAsideByUser(k))
            .count();
    if (unfinished > 0) {
      return Optional.of(
          before
              + " has "
              + unfinished
              + " plan(s) not built (`kiln status` lists them): fix and"
              + " run again, or --force "
              + before
              + " to go on to "
              + stage
              + " without them");
    }
    return check.run(before);
  }

  /** The stage that ends a run: compare when kiln.yaml turns it on, else stage3. */
  private StageName last() {
    return config.compare() ? StageName.COMPARE : StageName.STAGE3;
  }

  private Optional<String> stopAfter(StageResult result, BootstrapRequest request) {
    if (result.stoppedBefore().isPresent()) {
      return Optional.of("stopped before " + result.stoppedBefore().get() + " as asked");
    }
    if (result.stoppedEarly()) {
      return Optional.of(result.stage() + " stopped at its first failure (--fail-fast)");
    }
    if (result.hasFailures() && result.stage() == last()) {
      // the last stage: nothing waits for it, and --force would change nothing
      return Optional.of(
          result.stage()
              + " has "
              + result.failures().size()
              + " failure(s): `kiln status` lists them with their logs; fix the plans and run"
              + " `kiln bootstrap` again to build them and the plans they blocked");
    }
    if (result.hasFailures() && !request.force().contains(result.stage())) {
      return Optional.of(
          result.stage()
              + " has "
              + result.failures().size()
              + " failure(s); the next stage"
              + " waits until they are fixed (or --force "
              + result.stage()
              + ")");
    }
    return Optional.empty();
  }
}
