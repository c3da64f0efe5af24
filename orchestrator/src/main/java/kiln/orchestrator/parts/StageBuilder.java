package kiln.orchestrator.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.ArtifactHashes;
import kiln.orchestrator.BuildOutcome;
import kiln.orchestrator.BuilderException;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.stages.build.BuildException;
import kiln.stages.build.BuildRequest;
import kiln.stages.build.BuildResult;
import kiln.stages.build.BuildTimedOutException;
import kiln.stages.build.NetworkPolicy;
import kiln.stages.build.PlanBuilder;
import kiln.stages.build.StudioBase;
import kiln.stages.build.StudioUnavailableException;
import kiln.stages.studio.BuildLimits;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * The scheduler's builder for one stage: a plan build in a fresh studio (stage1: the tools at
 * {@code /tools}; later stages: the backline), writing its output to the ledger's log path (the
 * results dir links to it), and the artifact installed into the stage's store for the plans after
 * it.
 */
final class StageBuilder implements EntryBuilder {

  private final PlanBuilder builder;
  private final StageContext context;
  private final BuildLimits limits;
  private final NetworkPolicy network;
  private final List<PackageIdent> backline;

  /**
   * @param backline the packages whose programs make up the studio's /bin (after stage1), pinned to
   *     the releases the stage before built
   */
  StageBuilder(
      PlanBuilder builder,
      StageContext context,
      BuildLimits limits,
      NetworkPolicy network,
      List<PackageIdent> backline) {
    this.builder = builder;
    this.context = context;
    this.limits = limits;
    this.network = network;
    this.backline = List.copyOf(backline);
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws BuilderException, InterruptedException {
    try {
      BuildResult result = builder.build(request(entry, log));
      builder.installBuilt(result);
      // Hashed as it was written: a resume checks it by content without reading it.
      ArtifactHashes.in(context.config().work())
          .remember(result.artifact(), result.hart().sha256());
      appendVerdict(log, "built " + result.ident());
      return new BuildOutcome.Built(
          result.artifact(), Optional.of(result.hart().sha256()), inBuildOrder(result.phases()));
    } catch (StudioUnavailableException e) {
      throw new BuilderException(stage + ": " + e.getMessage(), e);
    } catch (BuildTimedOutException e) {
      appendVerdict(log, e.getMessage());
      return new BuildOutcome.TimedOut(e.getMessage());
    } catch (BuildException e) {
      appendVerdict(log, e.getMessage());
      return new BuildOutcome.Failed(e.getMessage());
    } catch (IllegalArgumentException e) {
      appendVerdict(log, e.getMessage());
      return new BuildOutcome.Failed(e.getMessage());
    }
  }

  /** The phases in the order a build runs them (the result's map does not keep one). */
  private static Map<String, Duration> inBuildOrder(Map<String, Duration> phases) {
    Map<String, Duration> ordered = new LinkedHashMap<>();
    for (String phase :
        List.of(
            BuildResult.INSTALL,
            BuildResult.FACTS_PASS,
            BuildResult.RESOLVE,
            BuildResult.BUILD_PASS,
            BuildResult.PACK,
            BuildResult.PUBLISH)) {
      if (phases.containsKey(phase)) {
        ordered.put(phase, phases.get(phase));
      }
    }
    phases.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The build of an entry, its output going straight to the ledger's log of this attempt. */
  private BuildRequest request(StageEntry entry, Path log) {
    KilnConfig config = context.config();
    StudioBase base =
        context
            .toolsTarball()
            .map(StudioBase::tools)
            .orElseGet(() -> StudioBase.backline(backline));
    return BuildRequest.builder(config.folder().resolve(entry.plan()), base, context.results())
        .check(config.check())
        .origin(config.origin())
        .target(config.target())
        .limits(limits)
        .settings(settings(entry.key().args()))
        .network(network)
        .log(log)
        .build();
  }

  private static Map<String, String> settings(List<String> args) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      settings.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return settings;
  }

  /** Ends the ledger's log of this attempt (the build wrote its output there) with the verdict. */
  private static void appendVerdict(Path log, String verdict) throws BuilderException {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log, "kiln: " + verdict + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new BuilderException(IoFailures.message("cannot write the build log " + log, e), e);
    }
  }
}
