package kiln.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.docker.DockerStudio;
import kiln.stages.studio.docker.StudioOwner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln studio run}: one command in a fresh studio, its output on stdout. */
@Command(
    name = "run",
    description =
        "Run a command in a fresh Docker studio, as a build would; exits with its exit code.",
    mixinStandardHelpOptions = true)
final class StudioRunCommand implements Callable<Integer> {

  @Mixin StudioOptions studio;

  @Mixin LimitsOptions limits = new LimitsOptions();

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and arguments.")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    DockerStudio docker = DockerStudio.connect(StudioOwner.current(workDir(studio.work)));
    StudioRun run = docker.run(studio.spec(), command, System.out, limits.limits());
    System.out.flush();
    if (run.ending() != StudioRun.Ending.EXITED) {
      System.err.println("kiln: the command was killed: " + run.ending());
      return FailureHandler.FAILED;
    }
    return run.exitCode();
  }

  static Path workDir(Path work) {
    return work.toAbsolutePath().normalize();
  }
}
