package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kiln.stages.studio.BindMounts;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.Studio;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.world.IoFailures;

/**
 * Studios as Docker containers on one engine ({@link DockerEndpoint}): one fresh container per run,
 * made from an image built on that engine (never pulled), labelled with its {@link StudioOwner},
 * and removed whatever happens: on success, failure, time-out, interrupt, and (through a shutdown
 * hook) Ctrl-C. Containers and host directories left by a kiln that was killed outright are removed
 * by the next {@link #connect} on this host, whatever its work directory.
 *
 * <p>The inputs are bind mounts and the output a host directory packed into a tar stream after the
 * run ({@link BindMounts}): the engine shares this host's disk. A studio on an engine elsewhere
 * would copy the same inputs in and the output out through the engine's archive API instead;
 * callers see the same {@link Studio} contract either way.
 */
public final class DockerStudio implements Studio {

  private final Engine engine;
  private final StudioOwner owner;
  private final StudioImages images;
  private final LiveContainers live;
  private final ImageHolds holds;
  private final ContainerMaker maker;

  /** uid:gid the results go to after each run; empty when kiln runs as root. */
  private final Optional<String> resultsOwner;

  private final Inputs inputs;

  /**
   * How a studio's inputs reach its containers, and its output comes back.
   *
   * <ul>
   *   <li>{@code MOUNT}: bind mounts from this host's disk, the output packed from a directory
   *       here; free whatever the size, but only for an engine on this host.
   *   <li>{@code COPY}: through the engine's archive API only (PUT and GET archive), packages and
   *       sources sent once per engine and kept there by sha256 ({@link InputCache}): for an engine
   *       that may be anywhere.
   * </ul>
   */
  public enum Inputs {
    MOUNT,
    COPY
  }

  private DockerStudio(
      Engine engine, StudioOwner owner, Optional<String> resultsOwner, Inputs inputs) {
    this.engine = engine;
    this.owner = owner;
    this.images = new StudioImages(engine);
    this.live = LiveContainers.on(engine);
    this.holds = new ImageHolds(engine, owner, live);
    this.resultsOwner = resultsOwner;
    this.inputs = inputs;
    this.maker = new ContainerMaker(engine, owner, live, resultsOwner, inputs);
  }

  /** The same studio, handing the writable mounts' files to {@code uid:gid} after each run. */
  DockerStudio resultsOwnedBy(String uidGid) {
    return new DockerStudio(engine, owner, Optional.of(uidGid), inputs);
  }

  /** This process's uid:gid, unless it is root (then files written as root are its own). */
  private static Optional<String> thisUser() {
    try {
      Path self = Path.of("/proc/self");
      Object uid = Files.getAttribute(self, "unix:uid");
      Object gid = Files.getAttribute(self, "unix:gid");
      return Integer.valueOf(0).equals(uid) ? Optional.empty() : Optional.of(uid + ":" + gid);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /**
   * Connects to the engine {@code DOCKER_HOST} names (else the usual socket) and removes the
   * leftovers of earlier kiln runs on this host whose process is gone ({@link #reapLeftovers}).
   *
   * @throws StudioException when no engine answers or Testcontainers is not set up for it
   */
  public static DockerStudio connect(StudioOwner owner) throws StudioException {
    return connect(owner, DockerEndpoint.fromEnvironment());
  }

  /**
   * Connects to the engine at {@code endpoint}, through a client of its own, and removes the
   * leftovers there of earlier kiln runs on this host whose process is gone.
   *
   * @throws StudioException when no engine answers there (never another engine instead)
   */
  public static DockerStudio connect(StudioOwner owner, DockerEndpoint endpoint)
      throws StudioException {
    return connect(owner, endpoint, Inputs.MOUNT);
  }

  /**
   * Connects to the engine at {@code endpoint}, giving studios their inputs as {@code inputs} says:
   * {@link Inputs#COPY} for an engine that may not share this host's disk (a build farm's host),
   * and removes the leftovers there of earlier kiln runs on this host whose process is gone.
   *
   * @throws StudioException when no engine answers there (never another engine instead)
   */
  public static DockerStudio connect(StudioOwner owner, DockerEndpoint endpoint, Inputs inputs)
      throws StudioException {
    DockerStudio studio = new DockerStudio(Engine.connect(endpoint), owner, thisUser(), inputs);
    studio.reapLeftovers();
    return studio;
  }

  /**
   * Removes this run's containers on this engine whose removal failed while the engine did not
   * answer (a build host lost under a build); call it when the host answers again. Those that still
   * fail stay remembered, and go at exit or at the next kiln start on this host.
   *
   * @return how many were removed
   */
  public int retryRemovals() {
    return live.retryRemovals();
  }

  /** How many packages and sources this JVM has sent to this studio's engine ({@code COPY}). */
  public int inputsSent() {
    return InputCache.on(engine).uploads();
  }

  @Override
  public String kind() {
    return "docker";
  }

  /** Who this studio's containers belong to. */
  public StudioOwner owner() {
    return owner;
  }

  /** kiln's containers and images on this studio's engine. */
  public DockerInventory inventory() {
    return new DockerInventory(engine);
  }

  @Override
  public StudioRun run(
      StudioSpec spec,
      List<String> command,
      OutputStream log,
      BuildLimits limits,
      OutputReceiver output)
      throws StudioException, InterruptedException {
    try (ContainerMaker.Prepared prepared = prepare(spec, command, false)) {
      StudioRun run =
          new ContainerRun(engine, prepared.id(), inputs == Inputs.MOUNT).run(log, limits);
      if (run.succeeded()) {
        prepared.handover().deliver(output);
      }
      return run;
    }
  }

  /**
   * Runs a command attached to this terminal (an interactive shell when there is one) in a studio
   * made like a build's, through the {@code docker} command line, which owns the terminal.
   *
   * @return the command's exit code
   */
  @Override
  public int enter(StudioSpec spec, List<String> command)
      throws StudioException, InterruptedException {
    try (ContainerMaker.Prepared prepared = prepare(spec, command, true)) {
      Process docker =
          new ProcessBuilder(
                  "docker",
                  "-H",
                  engine.endpoint().host(),
                  "start",
                  "--attach",
                  "--interactive",
                  prepared.id())
              .inheritIO()
              .start();
      return docker.waitFor();
    } catch (IOException e) {
      throw new StudioException(
          IoFailures.message("cannot run the docker command line", e)
              + "; install it (Debian package docker.io)",
          e);
    }
  }

  /**
   * Removes what earlier kiln runs on this host left behind when they were killed outright: every
   * kiln-labelled container whose owner process is gone (whatever its work directory, so a crashed
   * bootstrap's containers go at the next {@code kiln build}), and the host directories ({@code
   * kiln-studio-run-<pid>-<start>-*} in the temporary directory) of owners that are gone. Live
   * owners' containers and directories, and other hosts' containers, are never touched: parallel
   * runs and other users share the engine.
   *
   * @return how many containers were removed
   */
  public int reapLeftovers() {
    int removed = inventory().removeLeftovers(Optional.empty()).size();
    reapTempDirs(tempRoot());
    return removed;
  }

  /** Deletes the studio directories in {@code root} whose owner process is gone. */
  static void reapTempDirs(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path dir : entries.toList()) {
        String name = dir.getFileName().toString();
        if (name.startsWith(StudioOwner.TEMP_PREFIX) && StudioOwner.tempDirOwnerIsDead(name)) {
          deleteQuietly(dir);
        }
      }
    } catch (IOException e) {
      // Nothing listed, nothing removed: the next start tries again.
    }
  }

  private static Path tempRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /**
   * The image a spec's studio starts from, built when missing and marked as this run's ({@link
   * ImageHolds}). When it had to be built, kiln's images that no live run uses are removed: images
   * pile up only as new ones are built (a new tools tarball each bootstrap), so that is when to
   * prune, and no run pays a rebuild for an image it still holds.
   */
  String imageFor(StudioSpec spec) throws StudioException {
    long builtBefore = images.built();
    String image =
        spec.type() == StudioType.STAGE1
            ? images.stage1(spec.toolsTarball().orElseThrow())
            : images.base();
    holds.hold(image);
    if (images.built() != builtBefore) {
      inventory().removeUnusedImages();
    }
    return image;
  }

  private ContainerMaker.Prepared prepare(
      StudioSpec spec, List<String> command, boolean interactive)
      throws StudioException, InterruptedException {
    try {
      return prepareOnce(spec, command, interactive);
    } catch (LiveContainers.ImageGone e) {
      // Removed since this run checked it (by a person, or by the prune of a kiln that did not
      // know this run's mark): build it again, once.
      images.forget();
      holds.forget();
      return prepareOnce(spec, command, interactive);
    }
  }

  private ContainerMaker.Prepared prepareOnce(
      StudioSpec spec, List<String> command, boolean interactive)
      throws StudioException, InterruptedException {
    return maker.make(spec, command, interactive, imageFor(spec));
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory: the OS cleans /tmp eventually.
    }
  }
}
