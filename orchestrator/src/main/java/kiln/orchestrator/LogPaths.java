package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kiln.resume.EntryKey;
import kiln.resume.StageName;

/**
 * Where build logs go: {@code <work>/logs/<stage>/<origin>-<name>[-<args>].log}. Each attempt
 * writes that file; the earlier attempts' logs are kept as {@code .log.1}, {@code .log.2}, ...
 * (oldest first).
 */
public final class LogPaths {

  private final Path logs;

  public LogPaths(Path workDir) {
    this.logs = workDir.resolve("logs");
  }

  /** The log of the latest attempt at building {@code key} in {@code stage}. */
  public Path logFor(StageName stage, EntryKey key) {
    StringBuilder name =
        new StringBuilder(key.ident().origin()).append('-').append(key.ident().name());
    for (String arg : key.args()) {
      name.append('-').append(arg.replaceAll("[^A-Za-z0-9._=+-]", "_"));
    }
    return logs.resolve(stage.id()).resolve(name + ".log");
  }

  /**
   * Makes room for a new attempt: an existing log becomes the next numbered one.
   *
   * @return the path for the new attempt's log (its folder exists)
   */
  public Path newAttempt(StageName stage, EntryKey key) throws IOException {
    Path log = logFor(stage, key);
    Files.createDirectories(log.getParent());
    if (Files.exists(log)) {
      int n = 1;
      while (Files.exists(log.resolveSibling(log.getFileName() + "." + n))) {
        n++;
      }
      Files.move(log, log.resolveSibling(log.getFileName() + "." + n));
    }
    return log;
  }
}
