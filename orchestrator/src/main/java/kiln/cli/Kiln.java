package kiln.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kiln} command: a multi-stage bootstrap orchestrator. */
@Command(
    name = "kiln",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description = "Bootstraps a self-hosting distribution and rebuilds its world in order.",
    subcommands = {
      WorldOrderCommand.class,
      DependentsCommand.class,
      Stage0Command.class,
      OriginCommand.class,
      HartCommand.class,
      StudioCommand.class,
      BootstrapCommand.class,
      StatusCommand.class,
      SkipCommand.class,
      RetryCommand.class,
      BuildCommand.class
    })
public final class Kiln implements Runnable {

  @Option(
      names = "--stacktrace",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the full stack trace of a failure.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run commands through this without exiting the JVM. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Kiln());
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getErr();
    spec.commandLine().usage(out);
  }
}
