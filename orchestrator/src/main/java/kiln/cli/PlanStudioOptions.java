package kiln.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.build.BuildRequest;
import kiln.stages.build.KilnHome;
import kiln.stages.build.PlanBuilder;
import kiln.stages.build.StudioBase;
import kiln.stages.studio.StudioException;
import kiln.world.PackageIdent;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln studio enter|run --plan PLAN_DIR}: the studio a build of that plan gets, with the
 * options {@code kiln build} takes ({@code --tools} comes from {@link StudioOptions}).
 */
final class PlanStudioOptions {

  @Option(
      names = "--plan",
      paramLabel = "PLAN_DIR",
      description =
          "Prepare the studio exactly as a build of this plan gets it (facts pass, dependencies"
              + " under /hab/pkgs, cached source under /hab/cache/src, the plan at /src, the plan"
              + " build program and deps.env at /kiln, the build's environment) and run the"
              + " command there instead of the callbacks.")
  Path plan;

  @Option(
      names = "--backline",
      paramLabel = "IDENT",
      arity = "1..*",
      description = "With --plan: a default studio whose /bin these installed packages provide.")
  List<String> backline = new ArrayList<>();

  @Option(
      names = "--install",
      paramLabel = "HART",
      arity = "1..*",
      description = "With --plan: verify and install these artifacts into the store first.")
  List<Path> installs = new ArrayList<>();

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "With --plan: kiln's package store and caches (default: $KILN_HOME, else ~/.kiln).")
  Path home;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      defaultValue = BuildRequest.DEFAULT_TARGET,
      description = "With --plan: the package target. Default: ${DEFAULT-VALUE}.")
  String target = BuildRequest.DEFAULT_TARGET;

  @Option(names = "--check", description = "With --plan: DO_CHECK=true, as kiln build --check.")
  boolean check;

  @Mixin KeysOption keys = new KeysOption();

  @Mixin StudioKindOption studio = new StudioKindOption();

  boolean given() {
    return plan != null;
  }

  /** Without --plan these options would be ignored: say so rather than surprise. */
  void refuseWithoutPlan() {
    List<String> given = new ArrayList<>();
    if (!backline.isEmpty()) {
      given.add("--backline (without --plan: --backline-dir DIR)");
    }
    if (!installs.isEmpty()) {
      given.add("--install");
    }
    if (home != null) {
      given.add("--home");
    }
    if (keys.directory != null) {
      given.add("--keys");
    }
    if (check) {
      given.add("--check");
    }
    if (studio.kind != kiln.stages.studio.choice.StudioChoice.Kind.AUTO) {
      given.add("--studio (without --plan the studio is a Docker container)");
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", given) + ": only with --plan PLAN_DIR, the studio of a plan's build");
    }
  }

  /** What a studio-enter/run command needs from a prepared plan studio. */
  interface Use {
    int in(PlanBuilder builder, kiln.stages.build.PreparedStudio prepared) throws Exception;
  }

  /**
   * Prepares the plan's studio, hands it to {@code use}, and removes the build's scratch space
   * afterwards.
   *
   * @param common the other studio options: only --tools may be given with --plan
   */
  int with(StudioOptions common, Use use) throws Exception {
    common.refuseWithPlan();
    if ((common.tools == null) == backline.isEmpty()) {
      throw new IllegalArgumentException(
          "--plan needs the studio a build would get: --tools TARBALL (stage1) or --backline"
              + " IDENT... (default), as kiln build takes them");
    }
    KilnHome kilnHome =
        home != null
            ? new KilnHome(home)
            : KilnHome.of(System.getenv(), Path.of(System.getProperty("user.home")));
    PlanBuilder builder =
        PlanBuilder.standard(
            choose(kilnHome), kilnHome, keys.directory(), System.getenv(), Clock.systemUTC());
    try (kiln.stages.build.PreparedStudio prepared = builder.prepare(request(common, kilnHome))) {
      return use.in(builder, prepared);
    }
  }

  private kiln.stages.studio.Studio choose(KilnHome kilnHome) throws StudioException {
    return studio.choose(kilnHome.tools(), kilnHome.work(), System.err);
  }

  private BuildRequest request(StudioOptions common, KilnHome kilnHome) {
    StudioBase base =
        common.tools != null
            ? StudioBase.tools(common.tools.toAbsolutePath())
            : StudioBase.backline(backline.stream().map(PackageIdent::parse).toList());
    return BuildRequest.builder(plan, base, kilnHome.work().resolve("studio-logs"))
        .installs(installs)
        .check(check)
        .originFrom(System.getenv())
        .target(target)
        .build();
  }
}
