package kiln.stages.studio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A clean place to run one build. Each {@link #run} makes a fresh studio from its spec, gives it
 * the spec's inputs, runs one command, streams its log, hands back the output tree as a tar stream,
 * and removes the studio again, whatever happens (success, failure, time-out, interrupt), so
 * nothing one build leaves behind can reach the next. A caller never reads a studio's own paths:
 * whether the studio bind-mounts the inputs or copies them to another machine is its business.
 */
public interface Studio {

  /** The kind of studio, as {@code --studio} names it: {@code chroot} or {@code docker}. */
  String kind();

  /**
   * Runs a command in a fresh studio.
   *
   * @param spec what the studio holds: tools or backline, inputs, environment, network, output
   * @param command the command and its arguments, run with exactly {@code spec.environment()}
   * @param log where the command's standard output and error go, as they come
   * @param limits when to give up on a build that runs too long or falls silent
   * @param output takes the spec's output tree as a tar stream once the command has succeeded
   * @return how the command ended
   * @throws StudioException when the studio itself cannot be made or run, or its output cannot be
   *     handed over (not when the command fails: that is a {@link StudioRun} with a non-zero exit
   *     code)
   * @throws InterruptedException when the caller is interrupted; the studio is removed first
   */
  StudioRun run(
      StudioSpec spec,
      List<String> command,
      OutputStream log,
      BuildLimits limits,
      OutputReceiver output)
      throws StudioException, InterruptedException;

  /** {@link #run} with the log appended to a file and the output, if any, to {@code output}. */
  default StudioRun run(
      StudioSpec spec, List<String> command, Path log, BuildLimits limits, OutputReceiver output)
      throws StudioException, InterruptedException {
    try {
      Path parent = log.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (OutputStream out =
          Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        return run(spec, command, out, limits, output);
      }
    } catch (IOException e) {
      throw new StudioException("cannot write the build log " + log + ": " + e.getMessage(), e);
    }
  }

  /** {@link #run} with the log appended to a file and no output wanted. */
  default StudioRun run(StudioSpec spec, List<String> command, Path log, BuildLimits limits)
      throws StudioException, InterruptedException {
    return run(spec, command, log, limits, OutputReceiver.DISCARD);
  }

  /**
   * Runs a command attached to this terminal (an interactive shell when there is one) in a fresh
   * studio made from the spec, and removes the studio when it exits. No limits apply: a person is
   * at the keyboard, and the output tree is not kept.
   *
   * @return the command's exit code
   * @throws StudioException when the studio cannot be made, or this kind cannot be entered
   */
  default int enter(StudioSpec spec, List<String> command)
      throws StudioException, InterruptedException {
    throw new StudioException("the " + kind() + " studio cannot be entered");
  }
}
