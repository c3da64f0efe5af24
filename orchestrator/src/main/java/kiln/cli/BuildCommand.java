package kiln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.orchestrator.LogTail;
import kiln.stages.build.BuildException;
import kiln.stages.build.BuildRequest;
import kiln.stages.build.BuildResult;
import kiln.stages.build.KilnHome;
import kiln.stages.build.PlanBuilder;
import kiln.stages.build.StudioBase;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln build PLAN_DIR}: one plan, in a clean studio, into a signed .hart. */
@Command(
    name = "build",
    description = {
      "Builds one plan in a clean studio into a signed .hart artifact.",
      "Writes <origin>-<name>-<version>-<release>-<target>.hart, last_build.env and the build log"
          + " into the results dir."
    })
final class BuildCommand implements Callable<Integer> {

  /** How many lines of a failed build's log are shown. */
  static final int TAIL_LINES = 30;

  @Parameters(index = "0", paramLabel = "PLAN_DIR", description = "The plan's directory.")
  Path planDir;

  @Mixin StudioKindOption studio = new StudioKindOption();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Contents contents;

  static final class Contents {
    @Option(
        names = "--tools",
        paramLabel = "TARBALL",
        description = "A stage1 studio: this tools tarball at /tools.")
    Path tools;

    @Option(
        names = "--backline",
        paramLabel = "IDENT",
        arity = "1..*",
        description = "A default studio: these installed packages provide /bin.")
    List<String> backline;
  }

  @Option(
      names = "--install",
      paramLabel = "HART",
      arity = "1..*",
      description = "Verify and install these artifacts into the store before building.")
  List<Path> installs = new ArrayList<>();

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "Where the artifact, last_build.env and the log go. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Mixin KeysOption keys = new KeysOption();

  @Mixin LimitsOptions limits = new LimitsOptions();

  @Mixin NetworkOption network = new NetworkOption();

  @Mixin SourcesOption sources = new SourcesOption();

  @Option(names = "--check", description = "Run the plan's do_check (DO_CHECK=true).")
  boolean check;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      defaultValue = BuildRequest.DEFAULT_TARGET,
      description = "The package target. Default: ${DEFAULT-VALUE}.")
  String target;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "kiln's package store and caches (default: $KILN_HOME, else ~/.kiln).")
  Path home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws BuildException, StudioException, InterruptedException {
    KilnHome home =
        this.home != null
            ? new KilnHome(this.home)
            : KilnHome.of(System.getenv(), Path.of(System.getProperty("user.home")));
    PlanBuilder builder =
        PlanBuilder.standard(
            studio(home),
            home,
            keys.directory(),
            System.getenv(),
            Clock.systemUTC(),
            sources.mirrors());
    try {
      BuildResult result = builder.build(request());
      spec.commandLine().getOut().println(result.artifact());
      spec.commandLine()
          .getErr()
          .printf(
              "kiln: built %s in %.1f s (log: %s)%n",
              result.ident(), result.elapsed().toMillis() / 1000.0, result.log());
      return 0;
    } catch (BuildException e) {
      if (e.log().isEmpty()) {
        throw e;
      }
      printTail(e.log().get(), spec.commandLine().getErr());
      throw new BuildException(
          e.getMessage() + " (full log: " + e.log().get() + ")", e.log().get(), e);
    }
  }

  private Studio studio(KilnHome home) throws StudioException {
    return studio.choose(home.tools(), home.work(), System.err);
  }

  private BuildRequest request() {
    StudioBase base =
        contents.tools != null
            ? StudioBase.tools(contents.tools)
            : StudioBase.backline(contents.backline.stream().map(PackageIdent::parse).toList());
    return BuildRequest.builder(planDir, base, results)
        .installs(installs)
        .check(check)
        .originFrom(System.getenv())
        .target(target)
        .limits(limits.limits())
        .network(network.policy)
        .build();
  }

  private static void printTail(Path log, PrintWriter err) {
    try {
      List<String> lines = LogTail.read(log, TAIL_LINES);
      err.println("kiln: the last lines of " + log + ":");
      lines.forEach(err::println);
    } catch (IOException e) {
      err.println(IoFailures.message("kiln: cannot read the build log " + log, e));
    }
  }
}
