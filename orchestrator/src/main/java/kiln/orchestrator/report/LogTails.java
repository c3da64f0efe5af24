package kiln.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kiln.orchestrator.LogTail;
import kiln.world.IoFailures;

/** The last lines of a build's log, for a failure in a report; the seam tests fill. */
@FunctionalInterface
public interface LogTails {

  /** Up to the last lines of {@code log}; a note in words when it cannot be read. */
  List<String> of(Path log);

  /** The last {@code lines} lines of the log file, read from its end. */
  static LogTails reading(int lines) {
    return log -> {
      try {
        return LogTail.read(log, lines);
      } catch (IOException e) {
        return List.of("(" + IoFailures.message("cannot read " + log, e) + ")");
      }
    };
  }
}
