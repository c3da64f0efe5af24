package kiln.cli;

import picocli.CommandLine;

/** {@code kiln bootstrap} on {@link FakeParts}, in a JVM of its own: a hook may kill it. */
public final class HookedBootstrap {

  private HookedBootstrap() {}

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BootstrapCommand(new FakeParts().factory()));
    cli.setExecutionExceptionHandler(new FailureHandler());
    System.exit(cli.execute(args));
  }
}
