package kiln.orchestrator.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.PipelineParts.EntryBuilders;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StageException;
import kiln.orchestrator.config.KilnConfig;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.build.BuildException;
import kiln.stages.build.KilnHome;
import kiln.stages.build.PlanBuilder;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.choice.StudioChoice;
import kiln.world.PackageIdent;

/**
 * A builder per stage, each on a package store of its own under the work dir: stage2's holds
 * stage1's artifacts and what stage2 builds, stage3's stage2's and its own. Nothing of an earlier
 * stage leaks further than the stage after it.
 */
public final class StudioBuilders implements EntryBuilders {

  private final Map<String, String> environment;
  private final Consumer<String> notes;
  private final Clock releases = new DistinctSecondsClock(Clock.systemUTC());
  private Studio studio;
  private final FarmStudios farm;

  /**
   * @param environment where SOURCE_DATE_EPOCH is read
   * @param notes where the studio choice is explained (auto without an engine)
   */
  public StudioBuilders(Map<String, String> environment, Consumer<String> notes) {
    this.environment = Map.copyOf(environment);
    this.notes = notes;
    this.farm = new FarmStudios();
  }

  @Override
  public EntryBuilder forStage(StageContext context) throws StageException {
    KilnConfig config = context.config();
    KilnHome home = new KilnHome(config.work().resolve("home").resolve(context.stage().id()));
    ensureSigningKey(config);
    if (!config.hosts().isEmpty()) {
      return farm.forStage(context, home, this::planBuilder);
    }
    PlanBuilder builder = planBuilder(studio(config, home), home, config);
    List<PackageIdent> before = install(builder, context.previousArtifacts(), context);
    return stageBuilder(builder, context, before);
  }

  /** Ends the build hosts' watch and their ssh tunnels, if the run had hosts. */
  @Override
  public void close() {
    farm.close();
  }

  /** A plan builder on a stage's store, its builds in {@code studio}. */
  private PlanBuilder planBuilder(Studio studio, KilnHome home, KilnConfig config) {
    return PlanBuilder.standard(
        studio, home, config.keys(), environment, releases, config.sources());
  }

  /** The limits and network policy are the config's (timeout, silence-timeout, network). */
  static StageBuilder stageBuilder(
      PlanBuilder builder, StageContext context, List<PackageIdent> before) {
    KilnConfig config = context.config();
    return new StageBuilder(
        builder, context, config.limits(), config.network(), pinned(config.backline(), before));
  }

  /** One studio kind for the whole run, chosen when the first stage needs it. */
  private synchronized Studio studio(KilnConfig config, KilnHome home) throws StageException {
    if (studio == null) {
      StudioChoice.Kind kind = StudioChoice.Kind.parse(config.studio().name());
      try {
        studio = StudioChoice.choose(kind, home.tools(), config.work().toAbsolutePath(), notes);
      } catch (StudioException e) {
        throw new StageException("studio (" + config.file() + " 'studio'): " + e.getMessage(), e);
      }
    }
    return studio;
  }

  /** The config says keys are generated on the first run: the origin's key, once. */
  private static void ensureSigningKey(KilnConfig config) throws StageException {
    OriginKeys keys = OriginKeys.in(config.keys());
    try {
      keys.latestSigningKey(config.origin());
    } catch (ArtifactException missing) {
      try {
        Files.createDirectories(config.keys());
        keys.generate(config.origin());
      } catch (ArtifactException | IOException e) {
        throw new StageException(
            "keys ("
                + config.keys()
                + "): cannot generate a key for origin "
                + config.origin()
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  /**
   * Installs exactly the artifacts the ledger records as built in the stage before, not whatever
   * else lies in its results folder: two artifacts of one plan there would put two releases in the
   * store, and the newer one need not be the one the ledger trusts.
   */
  static List<PackageIdent> install(PlanBuilder builder, List<Path> harts, StageContext context)
      throws StageException {
    List<PackageIdent> installed = new ArrayList<>();
    for (Path hart : harts) {
      try {
        installed.add(builder.install(hart));
      } catch (BuildException e) {
        throw new StageException(
            context.stage()
                + ": the stage before's artifact cannot be installed: "
                + e.getMessage(),
            e);
      }
    }
    return installed;
  }

  /**
   * The backline as the stage before built it: each package's newest release among the artifacts
   * installed from the stage before. A stage's studios get the previous stage's shell and tools for
   * all of its builds, never a mix of those and the stage's own (which could need two releases of
   * one library, e.g. a new bash and the old tar each on their own glibc). A package the stage
   * before did not build is left to resolve in the store as given.
   */
  static List<PackageIdent> pinned(List<PackageIdent> backline, List<PackageIdent> before) {
    List<PackageIdent> pinned = new ArrayList<>();
    for (PackageIdent wanted : backline) {
      pinned.add(
          before.stream()
              .filter(ident -> ident.originAndName().equals(wanted.originAndName()))
              .filter(
                  ident -> wanted.versionIfSet().map(v -> v.equals(ident.version())).orElse(true))
              .max(java.util.Comparator.comparing(PackageIdent::release))
              .orElse(wanted));
    }
    return pinned;
  }
}
