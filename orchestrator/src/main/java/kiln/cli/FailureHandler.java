package kiln.cli;

import kiln.world.IoFailures;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and an exit code. Domain failures (checked
 * exceptions, bad input) already say what, where and what to do, so the trace is noise unless
 * {@code --stacktrace} asks for it; an unchecked exception is a bug in kiln and always shows it.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  /** Exit code for a failure kiln reports (bad input, a failed build, an unusable file). */
  static final int FAILED = 1;

  /** Exit code for a bug in kiln itself (EX_SOFTWARE). */
  static final int INTERNAL = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    boolean bug = e instanceof RuntimeException && !(e instanceof IllegalArgumentException);
    String message = IoFailures.describe(e);
    cli.getErr().println("kiln: " + (bug ? "internal error: " : "") + message);
    if (bug || wantsTrace(parsed)) {
      e.printStackTrace(cli.getErr());
    }
    return bug ? INTERNAL : FAILED;
  }

  private static boolean wantsTrace(ParseResult parsed) {
    return parsed.originalArgs().contains("--stacktrace");
  }
}
