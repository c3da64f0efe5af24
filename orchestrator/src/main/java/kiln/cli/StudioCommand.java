package kiln.cli;

import picocli.CommandLine.Command;

/** {@code kiln studio}: the Docker studios builds run in, by hand. */
@Command(
    name = "studio",
    description = "Enter, run commands in, list and remove kiln's Docker studios.",
    mixinStandardHelpOptions = true,
    subcommands = {
      StudioEnterCommand.class,
      StudioRunCommand.class,
      StudioListCommand.class,
      StudioRmCommand.class
    })
final class StudioCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
