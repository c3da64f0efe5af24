package kiln.stages.studio.choice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import kiln.stages.studio.ChrootStudio;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.docker.DockerEndpoint;
import kiln.stages.studio.docker.DockerInventory;
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
            "--studio " + text + ": expected docker, chroot or auto", e);
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

  /**
   * Where a build's facts pass runs. The facts pass only sources the plan (no dependencies, no
   * network, no callbacks) to learn its ident, source and dependencies, so it runs in the chroot
   * studio whenever bubblewrap works on this host, also when the build pass runs in Docker: a
   * Docker build then costs one container instead of two (about 340 ms each). The chroot studio
   * takes the same spec (the same tools tarball, or the same backline), so the plan sees the same
   * studio type and PATH. Without bubblewrap it is the build's own studio.
   *
   * @param build the studio of the build pass
   * @param toolsCache where the chroot studio unpacks tools tarballs (KilnHome.tools())
   * @param bubblewrapWorks whether bwrap can make a studio here ({@link ChrootStudio#works})
   */
  public static Studio forFacts(Studio build, Path toolsCache, BooleanSupplier bubblewrapWorks) {
    if (build.kind().equals("chroot") || !bubblewrapWorks.getAsBoolean()) {
      return build;
    }
    return new ChrootStudio(toolsCache);
  }

  /**
   * kiln's studios and images left wherever studios of the kind that leaves anything behind run
   * (today: the Docker engine {@code DOCKER_HOST} names; chroot studios leave nothing), for {@code
   * kiln studio list|rm}.
   *
   * @throws StudioException when that engine cannot be reached
   */
  public static StudioInventory inventory() throws StudioException {
    return DockerInventory.connect(DockerEndpoint.fromEnvironment());
  }

  /**
   * kiln's studios and images on each of these engines (a build farm's hosts), in their order; with
   * none, the engine {@code DOCKER_HOST} names.
   *
   * @throws StudioException naming the first engine that cannot be reached
   */
  public static Map<String, StudioInventory> inventories(List<String> endpoints)
      throws StudioException {
    if (endpoints.isEmpty()) {
      return Map.of(DockerEndpoint.fromEnvironment().host(), inventory());
    }
    Map<String, StudioInventory> found = new LinkedHashMap<>();
    for (String endpoint : endpoints) {
      DockerEndpoint engine;
      try {
        engine = new DockerEndpoint(endpoint);
      } catch (IllegalArgumentException e) {
        throw new StudioException(e.getMessage(), e);
      }
      found.put(engine.host(), DockerInventory.connect(engine));
    }
    return found;
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
