package kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether progress may draw on stderr. Progress writes to stderr, so that is the stream to ask
 * about: {@code System.console()} answers for stdin and stdout, and with {@code kiln bootstrap
 * 2>log} on a terminal it would put escape codes into the log. Java 17 has no isatty for one
 * stream, so this reads where the descriptor points, as {@code test -t 2} would decide: a terminal
 * device ({@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}) or not.
 */
final class Terminal {

  /** Where this process's stderr points, on Linux. */
  static final Path STDERR = Path.of("/proc/self/fd/2");

  private Terminal() {}

  /**
   * @param descriptor a {@code /proc/self/fd/N} link
   * @return true when it points at a terminal device; where there is no such link (not Linux),
   *     whether the JVM has a console at all
   */
  static boolean isTerminal(Path descriptor) {
    String target;
    try {
      target = Files.readSymbolicLink(descriptor).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
    return target.startsWith("/dev/pts/")
        || target.matches("/dev/tty[0-9A-Za-z]*")
        || target.equals("/dev/console");
  }
}
