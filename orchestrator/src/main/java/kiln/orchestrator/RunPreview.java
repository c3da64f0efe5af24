package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.inputs.EntryInputs;
import kiln.orchestrator.inputs.FileDigests;
import kiln.orchestrator.inputs.Rebuilds;
import kiln.orchestrator.inputs.StageInputsFactory;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.Recovery;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * {@code kiln bootstrap --dry-run}: what a run would build, stage by stage, and why, from the plans
 * and the ledger as they are. Builds nothing and writes nothing but the file digest cache; reads
 * the ledger without taking the lock. A stage after one that rebuilds something is told as if that
 * stage had built it: its dependents there are listed as {@code dependency rebuilt}.
 */
public final class RunPreview {

  /** One entry a run would build, and why. */
  public record Build(EntryKey key, String reason) {}

  /** What a run would build in one stage, in build order, and how many entries it keeps. */
  public record StagePreview(StageName stage, List<Build> builds, int kept) {
    public StagePreview {
      builds = List.copyOf(builds);
    }
  }

  private final KilnConfig config;
  private final PipelineParts.StageInputs inputs;

  public RunPreview(KilnConfig config, PipelineParts.StageInputs inputs) {
    this.config = config;
    this.inputs = inputs;
  }

  /**
   * What the request's stages would build.
   *
   * @throws StageException when the plans cannot be read
   */
  public List<StagePreview> preview(BootstrapRequest request)
      throws StageException, kiln.resume.JournalException {
    Set<StageName> stages = EnumSet.copyOf(request.stages());
    if (config.toolsTarball().isPresent()) {
      stages.remove(StageName.STAGE0);
    }
    if (!config.compare()) {
      stages.remove(StageName.COMPARE);
    }
    List<StagePreview> previews = new ArrayList<>();
    if (stages.isEmpty()) {
      return previews;
    }
    RunState run =
        kiln.resume.RunJournal.read(config.work())
            .orElseGet(
                () ->
                    new RunState(
                        "none",
                        new java.util.EnumMap<>(StageName.class),
                        new Recovery(0, 0, List.of())));
    RunPlan plan = RunPlan.read(config, inputs, stages, request.options());
    FileDigests digests = FileDigests.ofWorkDir(config.work());
    StageInputsFactory factory =
        new StageInputsFactory(config.folder(), config.backline(), digests);
    Set<PackageIdent> rebuilt = new HashSet<>();
    for (StageName stage : stages) {
      StagePlan stagePlan = plan.plan(stage);
      StageState state = run.stage(stage);
      Set<EntryKey> gone = gone(state, stagePlan);
      EntryInputs entryInputs;
      try {
        entryInputs =
            factory.forStage(stage, tools(run, rebuilt), run, stagePlan.declared(), rebuilt);
      } catch (IOException e) {
        throw new StageException(stage + ": " + e.getMessage(), e);
      }
      Map<EntryKey, String> why = Rebuilds.reasons(stagePlan.work(), state, entryInputs, gone);
      List<Build> builds = new ArrayList<>();
      why.forEach((key, reason) -> builds.add(new Build(key, reason)));
      int total = stagePlan.work().keys().size();
      previews.add(new StagePreview(stage, builds, total - builds.size()));
      why.keySet().forEach(k -> rebuilt.add(k.ident().originAndName()));
    }
    digests.save();
    return previews;
  }

  /** The tools tarball stage1 would use, unless stage0 would make it again first. */
  private Optional<Path> tools(RunState run, Set<PackageIdent> rebuilt) {
    if (config.toolsTarball().isPresent()) {
      return config.toolsTarball();
    }
    if (rebuilt.contains(ToolsTarballBuilder.key(config).ident().originAndName())) {
      return Optional.empty();
    }
    return run.stage(StageName.STAGE0)
        .entry(ToolsTarballBuilder.key(config))
        .artifactIfBuilt()
        .map(a -> a.path())
        .filter(Files::isRegularFile);
  }

  private static Set<EntryKey> gone(StageState state, StagePlan plan) throws StageException {
    Set<EntryKey> gone = new HashSet<>();
    for (EntryKey key : plan.work().keys()) {
      EntryState entry = state.entry(key);
      try {
        if (entry.status() == EntryStatus.BUILT && !entry.artifact().stillMatches()) {
          gone.add(key);
        }
      } catch (IOException e) {
        throw new StageException(
            IoFailures.message("cannot check the artifact of " + key + " in " + state.stage(), e),
            e);
      }
    }
    return gone;
  }
}
