package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.stages.build.KilnHome;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.choice.StudioChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln studio run}: one command in a fresh studio, its output on stdout. */
@Command(
    name = "run",
    description = {
      "Run a command in a fresh Docker studio, as a build would; exits with its exit code.",
      "With --plan: in the studio a build of that plan gets (--studio docker|chroot|auto)."
    },
    mixinStandardHelpOptions = true)
final class StudioRunCommand implements Callable<Integer> {

  @Mixin StudioOptions studio;

  @Mixin PlanStudioOptions plan = new PlanStudioOptions();

  @Mixin LimitsOptions limits = new LimitsOptions();

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and arguments.")
  List<String> command;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (plan.given()) {
      return plan.with(
          studio,
          (builder, prepared) -> {
            Path log = Files.createTempFile("kiln-studio-run-", ".log");
            try {
              StudioRun run = builder.studio().run(prepared.spec(), command, log, limits.limits());
              PrintWriter out = spec.commandLine().getOut();
              out.print(Files.readString(log));
              out.flush();
              return exitCode(run);
            } finally {
              Files.deleteIfExists(log);
            }
          });
    }
    plan.refuseWithoutPlan();
    StudioRun run =
        containerStudio(studio)
            .run(studio.spec(), command, System.out, limits.limits(), OutputReceiver.DISCARD);
    System.out.flush();
    return exitCode(run);
  }

  private static int exitCode(StudioRun run) {
    if (run.ending() != StudioRun.Ending.EXITED) {
      System.err.println("kiln: the command was killed: " + run.ending());
      return FailureHandler.FAILED;
    }
    return run.exitCode();
  }

  static Path workDir(Path work) {
    return work.toAbsolutePath().normalize();
  }

  /** Without --plan the studio is a container (a Docker one), labelled with the work dir. */
  static Studio containerStudio(StudioOptions options) throws StudioException {
    KilnHome home = KilnHome.of(System.getenv(), Path.of(System.getProperty("user.home")));
    return StudioChoice.choose(
        StudioChoice.Kind.DOCKER, home.tools(), workDir(options.work), System.err::println);
  }
}
