package kiln.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.stages.studio.docker.DockerStudio;
import kiln.stages.studio.docker.StudioOwner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln studio enter}: a shell in a studio made like a build's, to reproduce a failure. */
@Command(
    name = "enter",
    description =
        "Open a shell (or COMMAND) in a fresh Docker studio with the mounts a build gets;"
            + " the studio is removed when it exits.",
    mixinStandardHelpOptions = true)
final class StudioEnterCommand implements Callable<Integer> {

  @Mixin StudioOptions studio;

  @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Default: bash -l.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    DockerStudio docker =
        DockerStudio.connect(StudioOwner.current(StudioRunCommand.workDir(studio.work)));
    List<String> argv = command.isEmpty() ? List.of("/bin/bash", "-l") : command;
    return docker.enter(studio.spec(), argv);
  }
}
