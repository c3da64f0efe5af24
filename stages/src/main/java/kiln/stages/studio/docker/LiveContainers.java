package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiln.stages.studio.StudioException;

/**
 * The containers this JVM has created and not yet removed, on whichever engine. A container whose
 * removal failed (its engine did not answer: a lost build host) stays here, remembered for its
 * engine, and is removed again when the host answers ({@link #retryRemovals}). A shutdown hook
 * removes whatever is left when the JVM exits, so Ctrl-C (SIGINT, SIGTERM) does not leave studios
 * behind; only a kill -9 or an engine silent to the end can, and the next kiln start removes those
 * ({@link DockerStudio#reapLeftovers}).
 */
final class LiveContainers {

  /** Every live container of this JVM, by id, with the engine it runs on. */
  private static final Map<String, Engine> ALL = new ConcurrentHashMap<>();

  /** The containers whose removal failed, by id, with the engine that did not answer. */
  private static final Map<String, Engine> UNREMOVED = new ConcurrentHashMap<>();

  /** How long a build's thread waits for its container's removal before leaving it for later. */
  private static final Duration REMOVE_WAIT = Duration.ofSeconds(30);

  /** Where removals run, so that one left waiting on a silent engine holds no build's thread. */
  private static final ExecutorService REMOVERS = daemons("kiln-remove-container");

  /** How long the JVM's exit waits for its containers' removal. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  private static boolean hooked;

  private final Engine engine;

  private LiveContainers(Engine engine) {
    this.engine = engine;
  }

  /** The registry's view for one engine; the JVM's one hook is registered on first use. */
  static synchronized LiveContainers on(Engine engine) {
    if (!hooked) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(LiveContainers::removeAll, "kiln-remove-studios"));
      hooked = true;
    }
    return new LiveContainers(engine);
  }

  /** Creates a container and tracks it; a missing image is an error, never a pull. */
  String create(CreateContainerCmd create) throws StudioException {
    try {
      String id = create.exec().getId();
      ALL.put(id, engine);
      return id;
    } catch (NotFoundException e) {
      throw new ImageGone(
          "the studio image "
              + create.getImage()
              + " is not on this engine ("
              + engine.endpoint()
              + ") and kiln never pulls images; it is built locally on first use, so it was"
              + " probably removed meanwhile: run the command again",
          e);
    }
  }

  /** The image a container was to be made from is not on the engine (kiln never pulls). */
  static final class ImageGone extends StudioException {
    ImageGone(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Removes a container. When its engine does not answer within {@link #REMOVE_WAIT}, the container
   * is remembered instead (and still removed at exit): the build it served is over either way, and
   * the host that lost it is asked again when it answers. The deadline matters for an engine that
   * accepts connections and never answers (a paused dockerd, a host behind a black hole): the
   * Docker client has no deadline of its own, and the build's thread must not wait for ever.
   */
  void remove(String id) {
    remove(id, REMOVE_WAIT);
  }

  void remove(String id, Duration wait) {
    Future<?> removal =
        REMOVERS.submit(
            () -> {
              engine.remove(id);
              ALL.remove(id);
              UNREMOVED.remove(id);
            });
    try {
      removal.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // no answer in time, or a refusal: the container waits for the host's return
      if (ALL.containsKey(id)) {
        UNREMOVED.put(id, engine);
      }
    } catch (InterruptedException e) {
      UNREMOVED.put(id, engine);
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Removes this engine's containers whose removal failed before; those that fail again stay
   * remembered.
   *
   * @return how many were removed
   */
  int retryRemovals() {
    return retryRemovals(REMOVE_WAIT);
  }

  int retryRemovals(Duration wait) {
    int removed = 0;
    for (String id : unremoved()) {
      UNREMOVED.remove(id);
      remove(id, wait);
      removed += UNREMOVED.containsKey(id) ? 0 : 1;
    }
    return removed;
  }

  /** The ids of this engine's containers whose removal failed and waits for the host. */
  Set<String> unremoved() {
    Set<String> mine = new HashSet<>();
    UNREMOVED.forEach(
        (id, on) -> {
          if (on == engine) {
            mine.add(id);
          }
        });
    return mine;
  }

  /**
   * Removes every live container, on all engines at once, for at most {@link #EXIT_WAIT}: an engine
   * on TCP that vanished (a lost build host) never answers, and must not hold the JVM's exit.
   */
  private static void removeAll() {
    ExecutorService removers = daemons("kiln-remove-studio");
    ALL.forEach(
        (id, engine) ->
            removers.execute(
                () -> {
                  try {
                    engine.remove(id);
                  } catch (RuntimeException e) {
                    // The JVM is going down: remove what we can; the next start reaps the rest.
                  }
                }));
    removers.shutdown();
    try {
      removers.awaitTermination(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService daemons(String name) {
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
