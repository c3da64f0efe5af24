package kiln.stages.studio;

import java.nio.file.Path;
import java.util.List;

/**
 * A clean place to run one build. Each {@link #run} makes a fresh studio from its spec, runs one
 * command in it and removes it again, whatever happens (success, failure, time-out, interrupt), so
 * nothing one build leaves behind can reach the next.
 */
public interface Studio {

  /** The kind of studio, as {@code --studio} names it: {@code chroot} or {@code docker}. */
  String kind();

  /**
   * Runs a command in a fresh studio.
   *
   * @param spec what the studio holds: tools or backline, mounts, environment, network
   * @param command the command and its arguments, run with exactly {@code spec.environment()}
   * @param log the file the command's standard output and error are appended to
   * @param limits when to give up on a build that runs too long or falls silent
   * @return how the command ended
   * @throws StudioException when the studio itself cannot be made or run (not when the command
   *     fails: that is a {@link StudioRun} with a non-zero exit code)
   * @throws InterruptedException when the caller is interrupted; the studio is removed first
   */
  StudioRun run(StudioSpec spec, List<String> command, Path log, BuildLimits limits)
      throws StudioException, InterruptedException;

  /**
   * Runs a command attached to this terminal (an interactive shell when there is one) in a fresh
   * studio made from the spec, and removes the studio when it exits. No limits apply: a person is
   * at the keyboard.
   *
   * @return the command's exit code
   * @throws StudioException when the studio cannot be made, or this kind cannot be entered
   */
  default int enter(StudioSpec spec, List<String> command)
      throws StudioException, InterruptedException {
    throw new StudioException("the " + kind() + " studio cannot be entered");
  }
}
