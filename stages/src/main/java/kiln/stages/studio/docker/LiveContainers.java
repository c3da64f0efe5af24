package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
   * Removes a container. When its engine does not answer, the container is remembered instead (and
   * still removed at exit): the build it served is over either way, and the host that lost it is
   * asked again when it answers.
   */
  void remove(String id) {
    try {
      engine.remove(id);
      ALL.remove(id);
    } catch (RuntimeException e) {
      UNREMOVED.put(id, engine);
    }
  }

  /**
   * Removes this engine's containers whose removal failed before; those that fail again stay
   * remembered.
   *
   * @return how many were removed
   */
  int retryRemovals() {
    int removed = 0;
    for (Map.Entry<String, Engine> e : Map.copyOf(UNREMOVED).entrySet()) {
      if (e.getValue() == engine) {
        UNREMOVED.remove(e.getKey());
        remove(e.getKey());
        removed += UNREMOVED.containsKey(e.getKey()) ? 0 : 1;
      }
    }
    return removed;
  }

  /**
   * Removes every live container, on all engines at once, for at most {@link #EXIT_WAIT}: an engine
   * on TCP that vanished (a lost build host) never answers, and must not hold the JVM's exit.
   */
  private static void removeAll() {
    ExecutorService removers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "kiln-remove-studio");
              t.setDaemon(true);
              return t;
            });
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
}
