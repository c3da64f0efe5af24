package kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln hart}: .hart artifacts. */
@Command(
    name = "hart",
    description = "Inspect and verify .hart artifacts.",
    subcommands = {HartInfoCommand.class, HartVerifyCommand.class})
final class HartCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
