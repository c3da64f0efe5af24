package kiln.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a kiln command line in this JVM and keeps what it printed. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code kiln ARGS...} as the launcher would, through {@link Kiln#main}'s command line. */
  static CliRun of(String... args) {
    return run(Kiln.forArgs(args), args);
  }

  /** Runs one command object (built with test collaborators) as the kiln CLI would. */
  static CliRun ofCommand(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(new FailureHandler());
    return run(cli, args);
  }

  private static CliRun run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
