package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kiln.resume.EntryKey;
import kiln.resume.StageName;

/**
 * Where build logs go: attempt {@code n} at an entry writes {@code
 * <work>/logs/<stage>/<origin>-<name>[-<args>].<n>.log}, and {@code <origin>-<name>[-<args>].log}
 * is a symbolic link to the latest attempt's log. No log is ever renamed, so the path the ledger
 * records for an attempt stays that attempt's log (renaming the old log aside on each new attempt,
 * as kiln once did, made the recorded path of a failed attempt point at the next attempt's log).
 */
public final class LogPaths {

  private final Path logs;

  public LogPaths(Path workDir) {
    this.logs = workDir.resolve("logs");
  }

  /** The link to the log of the latest attempt at building {@code key} in {@code stage}. */
  public Path logFor(StageName stage, EntryKey key) {
    return logs.resolve(stage.id()).resolve(baseName(key) + ".log");
  }

  /** The log of attempt {@code n} (1, 2, ...) at building {@code key} in {@code stage}. */
  public Path attemptLog(StageName stage, EntryKey key, int n) {
    return logs.resolve(stage.id()).resolve(baseName(key) + "." + n + ".log");
  }

  private static String baseName(EntryKey key) {
    StringBuilder name =
        new StringBuilder(key.ident().origin()).append('-').append(key.ident().name());
    for (String arg : key.args()) {
      name.append('-').append(arg.replaceAll("[^A-Za-z0-9._=+-]", "_"));
    }
    return name.toString();
  }

  /**
   * Picks the log of a new attempt: the first number with no log yet (numbers go on across runs of
   * one work dir, so a new run never writes over an old run's logs), and points the latest link at
   * it. A regular file at the link's place (a log of an older kiln) is left alone.
   *
   * @return the path for the new attempt's log (its folder exists)
   */
  public Path newAttempt(StageName stage, EntryKey key) throws IOException {
    return newAttempt(logFor(stage, key), n -> attemptLog(stage, key, n));
  }

  /**
   * Picks the log of a new run of a stage hook, numbered as build attempts are: {@code
   * <work>/logs/<stage>/hooks/<hook>.<n>.log}, and {@code <hook>.log} links to the latest (a folder
   * of its own: no plan's log can have the name).
   */
  public Path newHookAttempt(StageName stage, String hook) throws IOException {
    Path hooks = logs.resolve(stage.id()).resolve("hooks");
    return newAttempt(hooks.resolve(hook + ".log"), n -> hooks.resolve(hook + "." + n + ".log"));
  }

  private static Path newAttempt(Path latest, java.util.function.IntFunction<Path> attempt)
      throws IOException {
    Files.createDirectories(latest.getParent());
    int n = 1;
    while (Files.exists(attempt.apply(n), LinkOption.NOFOLLOW_LINKS)) {
      n++;
    }
    Path log = attempt.apply(n);
    try {
      Files.createFile(log); // claims the number even if the build writes nothing
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another kiln wrote " + log + " just now", e);
    }
    if (!Files.exists(latest, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(latest)) {
      Path link = latest.resolveSibling(latest.getFileName() + ".new");
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, log.getFileName());
      Files.move(link, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return log;
  }
}
