package kiln.stages.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.WrittenHart;
import kiln.stages.store.PackageStore;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInput;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.TreeTar;
import kiln.stages.studio.choice.StudioChoice;
import kiln.world.PackageIdent;

/**
 * Builds one plan into a signed artifact. The plan is sourced twice, both times in a studio and
 * never on the host: a cheap first pass learns its ident, source and dependencies; kiln then
 * resolves the dependencies and fetches the source into the cache; the second pass runs the plan
 * build program with exactly those dependencies mounted. kiln then writes FILES, packs and signs
 * the artifact and publishes it, last_build.env and the log into the results dir.
 */
public final class PlanBuilder {

  private static final DateTimeFormatter RELEASE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Studio studio;
  private final Studio factsStudio;
  private final InstalledPackages store;
  private final ArtifactSigner signer;
  private final SourceCache sources;
  private final Path workRoot;
  private final Clock clock;

  /**
   * A plan builder on a kiln home's store and caches, signing with the keys of a directory. The
   * facts pass runs in the chroot studio when bubblewrap works ({@link StudioChoice#forFacts}).
   *
   * @param studio where plans run
   * @param home the store, source cache, tools cache and scratch space
   * @param keysDir the origin keys: secret keys sign, public keys verify {@code --install} harts
   * @param environment where SOURCE_DATE_EPOCH is read from
   * @param clock the source of release timestamps
   */
  public static PlanBuilder standard(
      Studio studio, KilnHome home, Path keysDir, Map<String, String> environment, Clock clock) {
    return standard(studio, home, keysDir, environment, clock, SourceMirrors.NONE);
  }

  /**
   * A plan builder as {@link #standard(Studio, KilnHome, Path, Map, Clock)}, whose sources are
   * looked up in mirrors before their own URLs.
   *
   * @param mirrors folders and URLs holding source files by name
   */
  public static PlanBuilder standard(
      Studio studio,
      KilnHome home,
      Path keysDir,
      Map<String, String> environment,
      Clock clock,
      SourceMirrors mirrors) {
    OriginKeys keys = OriginKeys.in(keysDir);
    return new PlanBuilder(
        studio,
        StudioChoice.forFacts(studio, home.tools(), ChrootStudio::works),
        new StoreDependencies(new PackageStore(home.store()), keys),
        new OriginSigner(keys, environment),
        new SourceCache(home.sources(), mirrors),
        home.work(),
        clock);
  }

  /**
   * A builder that runs both passes in the same studio.
   *
   * @param studio where plans run
   * @param store the installed packages dependencies resolve against
   * @param signer writes FILES and the signed artifact
   * @param sources the shared source cache
   * @param workRoot scratch space for builds (each build's part removed when it ends)
   * @param clock the release timestamp's source
   */
  PlanBuilder(
      Studio studio,
      InstalledPackages store,
      ArtifactSigner signer,
      SourceCache sources,
      Path workRoot,
      Clock clock) {
    this(studio, studio, store, signer, sources, workRoot, clock);
  }

  /**
   * @param studio where the build pass runs
   * @param factsStudio where the facts pass runs (it sources the plan with no dependencies, no
   *     network and no callbacks, so the cheapest studio will do: see {@link
   *     kiln.stages.studio.choice.StudioChoice#forFacts})
   * @param store the installed packages dependencies resolve against
   * @param signer writes FILES and the signed artifact
   * @param sources the shared source cache
   * @param workRoot scratch space for builds (each build's part removed when it ends)
   * @param clock the release timestamp's source
   */
  PlanBuilder(
      Studio studio,
      Studio factsStudio,
      InstalledPackages store,
      ArtifactSigner signer,
      SourceCache sources,
      Path workRoot,
      Clock clock) {
    this.studio = studio;
    this.factsStudio = factsStudio;
    this.store = store;
    this.signer = signer;
    this.sources = sources;
    this.workRoot = workRoot;
    this.clock = clock;
  }

  /**
   * Builds a plan. The files the request names are checked first, every problem in one message;
   * with {@link BuildRequest#log()} the output goes there and the results dir's log links to it.
   *
   * @throws BuildException when the input is bad or the build fails; nothing but the build log is
   *     written to the results dir then
   */
  public BuildResult build(BuildRequest request) throws BuildException, InterruptedException {
    Path planFile = RequestFiles.check(request);
    signer.requireAnySigningKey();
    PhaseTimer timer = new PhaseTimer();
    try (PreparedStudio prepared = prepare(request, planFile, timer, true)) {
      BuildWorkspace workspace = prepared.workspace();
      run(
          studio,
          prepared.spec(),
          "build",
          request,
          workspace,
          prepared.results(),
          prepared.logName(),
          prepared.ident(),
          workspace.staging());
      timer.mark(BuildResult.BUILD_PASS);
      return pack(request, workspace, prepared.results(), prepared.logName(), timer);
    }
  }

  /**
   * Prepares the studio a build of this plan would run its callbacks in, and stops there: the facts
   * pass has run, the dependencies are resolved, the source is in the cache, the program and
   * deps.env are written. For {@code kiln studio enter --plan}: the caller runs its own command in
   * {@link PreparedStudio#spec()} and closes it. No signing key is needed.
   *
   * @throws BuildException as {@link #build} would, up to the build pass
   */
  public PreparedStudio prepare(BuildRequest request) throws BuildException, InterruptedException {
    return prepare(request, RequestFiles.check(request), new PhaseTimer(), false);
  }

  /** The studio that runs build passes (and what {@link #prepare} prepares for). */
  public Studio studio() {
    return studio;
  }

  private PreparedStudio prepare(
      BuildRequest request, Path planFile, PhaseTimer timer, boolean signing)
      throws BuildException, InterruptedException {
    String release = RELEASE.format(clock.instant());
    ResultsDir results = new ResultsDir(request.resultsDir());
    for (Path hart : request.installs()) {
      store.install(hart);
    }
    timer.mark(BuildResult.INSTALL);
    StudioPackages base = store.resolveBase(request.base(), request.target());
    BuildWorkspace workspace = BuildWorkspace.create(workRoot);
    try {
      StudioSetup setup = new StudioSetup(request, workspace, planFile, release);
      PlanFacts facts =
          learnFacts(request, setup.facts(base), workspace, results, planFile, release);
      timer.mark(BuildResult.FACTS_PASS);
      if (signing) {
        signer.requireSigningKey(facts.origin());
      }
      StudioPackages packages = store.resolvePlan(base, facts, request.target());
      Optional<StudioInput.SourceFile> source = cachedSource(facts, request.network());
      workspace.writeDeps(
          packages.deps(), packages.buildDeps(), packages.tdeps(), packages.buildTdeps());
      StudioSpec spec =
          setup.build(
              packages, source, request.network().grants(facts.ownDownload(), facts.source()));
      String logName = facts.origin() + "-" + facts.name() + "-" + release + ".log";
      timer.mark(BuildResult.RESOLVE);
      return new PreparedStudio(workspace, results, spec, logName, facts.shortIdent());
    } catch (BuildException | InterruptedException | RuntimeException e) {
      workspace.close();
      throw e;
    }
  }

  /**
   * Verifies an artifact and installs it into the store builds resolve against: the stage before's
   * packages, for the plans after them. Installing a package twice changes nothing.
   */
  public PackageIdent install(Path hart) throws BuildException {
    return store.install(hart);
  }

  /**
   * Installs an artifact this builder just built into its store, for the plans after it, without
   * verifying it again: the hashes its writer computed vouch for it, so it is read once, to unpack.
   */
  public PackageIdent installBuilt(BuildResult built) throws BuildException {
    return store.installWritten(built.hart());
  }

  private PlanFacts learnFacts(
      BuildRequest request,
      StudioSpec spec,
      BuildWorkspace workspace,
      ResultsDir results,
      Path planFile,
      String release)
      throws BuildException, InterruptedException {
    String logName =
        request.planDir().toAbsolutePath().normalize().getFileName() + "-" + release + ".log";
    run(
        factsStudio,
        spec,
        "facts",
        request,
        workspace,
        results,
        logName,
        planFile.toString(),
        workspace.facts());
    return PlanFacts.read(workspace.facts().resolve("facts"), request.planDir().resolve(planFile));
  }

  private void run(
      Studio where,
      StudioSpec spec,
      String mode,
      BuildRequest request,
      BuildWorkspace workspace,
      ResultsDir results,
      String logName,
      String what,
      Path output)
      throws BuildException, InterruptedException {
    StudioRun run;
    try {
      // The output tree comes back as a stream only: where the studio kept it is its business.
      run =
          where.run(
              spec,
              List.of("/bin/bash", BuildWorkspace.STUDIO_DIR + "/plan-build.sh", mode),
              log(request, workspace),
              request.limits(),
              tar -> TreeTar.unpack(tar, output));
    } catch (StudioException e) {
      throw new StudioUnavailableException(what + ": " + e.getMessage(), e);
    }
    if (!run.succeeded()) {
      Path log = publishLog(request, workspace, results, logName);
      String message = failure(what, mode, run, request, failedPhase(log));
      if (run.ending() != StudioRun.Ending.EXITED) {
        throw new BuildTimedOutException(message, log);
      }
      throw new BuildException(message, log);
    }
  }

  private static String failure(
      String what, String mode, StudioRun run, BuildRequest request, String phase) {
    String pass = mode.equals("facts") ? "reading the plan" : "building";
    return switch (run.ending()) {
      case TIMED_OUT ->
          what
              + ": "
              + pass
              + " timed out after "
              + BuildLimits.format(request.limits().wallClock());
      case SILENT_TOO_LONG ->
          what
              + ": "
              + pass
              + " printed nothing for "
              + BuildLimits.format(request.limits().silence())
              + "; killed";
      case EXITED -> what + ": " + pass + " failed" + phase + " (exit code " + run.exitCode() + ")";
    };
  }

  /** The program's own line naming the callback that failed, if it wrote one. */
  private static String failedPhase(Path log) {
    try (var lines = Files.lines(log)) {
      return lines
          .filter(line -> line.startsWith("plan-build: ") && line.contains(" failed in "))
          .reduce((first, second) -> second)
          .map(line -> line.substring(line.indexOf(" failed in ") + " failed".length()))
          .map(rest -> rest.substring(0, rest.indexOf(" (exit code")))
          .orElse("");
    } catch (IOException | java.io.UncheckedIOException e) {
      return "";
    }
  }

  private Optional<StudioInput.SourceFile> cachedSource(PlanFacts facts, NetworkPolicy network)
      throws BuildException {
    // Without a pkg_shasum the source is fetched all the same: the studio has no network for the
    // default download, and the plan's own do_verify (or the default's failure) judges the file.
    // A pkg_source that is no URL but has a pkg_shasum is a file only source mirrors provide.
    boolean mirrorsOnly = !SourceCache.fetches(facts.source()) && !facts.shasum().isEmpty();
    if (facts.ownDownload() || !(SourceCache.fetches(facts.source()) || mirrorsOnly)) {
      return Optional.empty();
    }
    Path cached =
        sources.fetch(
            facts.source(), facts.filename(), facts.shasum(), network != NetworkPolicy.NEVER);
    return Optional.of(new StudioInput.SourceFile(cached, facts.filename()));
  }

  private BuildResult pack(
      BuildRequest request,
      BuildWorkspace workspace,
      ResultsDir results,
      String logName,
      PhaseTimer timer)
      throws BuildException {
    LastBuild built = LastBuild.read(workspace.staging().resolve("pkg.env"));
    WrittenHart hart =
        signer.pack(
            workspace.staging(),
            built.ident(),
            built.target(),
            workspace.scratch(built.artifactName()));
    timer.mark(BuildResult.PACK);
    String env = built.lastBuildEnv(hart);
    WrittenHart artifact = hart.movedTo(results.publishByRename(hart.path(), built.artifactName()));
    Path lastBuild =
        results.publishText(env, "last_build.env", workspace.scratch("last_build.env"));
    Path log = publishLog(request, workspace, results, logName);
    timer.mark(BuildResult.PUBLISH);
    return new BuildResult(
        built.ident(), artifact, lastBuild, log, timer.elapsed(), timer.phases());
  }

  /** Where the studios write the build's output: the request's log, or the scratch space's. */
  private static Path log(BuildRequest request, BuildWorkspace workspace) {
    return request.log().orElse(workspace.log());
  }

  /**
   * The log in the results dir: a link to the request's log (which stays where it is, written
   * once), or the scratch log moved there.
   */
  private static Path publishLog(
      BuildRequest request, BuildWorkspace workspace, ResultsDir results, String logName)
      throws BuildException {
    if (request.log().isPresent()) {
      return results.link(request.log().get(), logName);
    }
    return results.publishByRename(workspace.log(), logName);
  }
}
