package kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln origin key}: origin signing keys. */
@Command(
    name = "key",
    description = "Generate and import origin signing keys.",
    subcommands = {OriginKeyGenerateCommand.class, OriginKeyImportCommand.class})
final class OriginKeyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
