package kiln.stages.studio.choice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.docker.DockerStudio;
import kiln.stages.studio.docker.EngineProbe;
import kiln.stages.studio.docker.StudioOwner;

/**
 * Which studio a build runs in, as {@code --studio docker|chroot|auto} says. {@code auto} takes
 * Docker when an engine answers within half a second, else the chroot studio: a build host without
 * Docker still builds, one with it gets containers.
 */
public final class StudioChoice {

  /** How long {@code auto} waits for an engine to answer. */
  static final Duration PROBE = Duration.ofMillis(500);

  /** The kinds {@code --studio} accepts. */
  public enum Kind {
    DOCKER,
    CHROOT,
    AUTO;

    /** Parses {@code docker}, {@code chroot} or {@code auto}, any case. */
    public static Kind parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--studio " + text + ": expected docker, chroot or auto");
      }
    }
  }

  private StudioChoice() {}

  /**
   * The studio of that kind.
   *
   * @param toolsCache where the chroot studio unpacks tools tarballs (KilnHome.tools())
   * @param workDir kiln's work directory: labels Docker studios, scopes the leftover clean-up
   * @param notes told which studio {@code auto} chose and why (a line for stderr)
   * @throws StudioException when Docker was asked for and cannot be used
   */
  public static Studio choose(Kind kind, Path toolsCache, Path workDir, Consumer<String> notes)
      throws StudioException {
    return switch (kind) {
      case DOCKER -> DockerStudio.connect(StudioOwner.current(workDir));
      case CHROOT -> new ChrootStudio(toolsCache);
      case AUTO -> auto(toolsCache, workDir, notes, EngineProbe.problem(PROBE));
    };
  }

  static Studio auto(
      Path toolsCache, Path workDir, Consumer<String> notes, Optional<String> engineProblem) {
    if (engineProblem.isEmpty()) {
      try {
        return DockerStudio.connect(StudioOwner.current(workDir));
      } catch (StudioException e) {
        notes.accept("kiln: building in the chroot studio: " + e.getMessage());
        return new ChrootStudio(toolsCache);
      }
    }
    notes.accept("kiln: building in the chroot studio: " + engineProblem.get());
    return new ChrootStudio(toolsCache);
  }
}
