package kiln.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kiln} command: a multi-stage bootstrap orchestrator. */
// INHERIT gives every command and command group -h/--help and -V/--version, those added later too.
@Command(
    name = "kiln",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description = "Bootstraps a self-hosting distribution and rebuilds its world in order.")
public final class Kiln implements Runnable {

  /**
   * The subcommands by name, in the order {@code kiln --help} lists them. They are added by hand,
   * not through {@code @Command(subcommands = ...)}, so that a run can build picocli's model for
   * the one command it runs: picocli reflects over every option of every command it is given, and
   * for all twelve that is about a third of a short command's start-up.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("world-order", WorldOrderCommand::new);
    COMMANDS.put("dependents", DependentsCommand::new);
    COMMANDS.put("affected", AffectedCommand::new);
    COMMANDS.put("estimate", EstimateCommand::new);
    COMMANDS.put("stage0", Stage0Command::new);
    COMMANDS.put("origin", OriginCommand::new);
    COMMANDS.put("hart", HartCommand::new);
    COMMANDS.put("studio", StudioCommand::new);
    COMMANDS.put("bootstrap", BootstrapCommand::new);
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("report", ReportCommand::new);
    COMMANDS.put("hosts", HostsCommand::new);
    COMMANDS.put("skip", SkipCommand::new);
    COMMANDS.put("retry", RetryCommand::new);
    COMMANDS.put("rebuild", RebuildCommand::new);
    COMMANDS.put("build", BuildCommand::new);
    COMMANDS.put("compare", CompareCommand::new);
    COMMANDS.put("publish", PublishCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("fetch", FetchCommand::new);
  }

  @Option(
      names = "--stacktrace",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the full stack trace of a failure.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(forArgs(args).execute(args));
  }

  /** The command line {@link #main} runs these arguments with: only the command they name. */
  static CommandLine forArgs(String... args) {
    String first = args.length > 0 ? args[0] : "";
    return COMMANDS.containsKey(first)
        ? commandLine(Map.of(first, COMMANDS.get(first)))
        : commandLine();
  }

  /** The configured command line; tests run commands through this without exiting the JVM. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  private static CommandLine commandLine(Map<String, Supplier<Object>> commands) {
    CommandLine cli = new CommandLine(new Kiln());
    commands.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getErr();
    spec.commandLine().usage(out);
  }
}
