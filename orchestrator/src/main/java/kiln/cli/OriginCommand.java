package kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln origin}: origin keys. */
@Command(
    name = "origin",
    description = "Manage origins and their signing keys.",
    subcommands = {OriginKeyCommand.class})
final class OriginCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
