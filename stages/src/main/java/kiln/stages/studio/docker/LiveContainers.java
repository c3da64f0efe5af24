package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kiln.stages.studio.StudioException;

/**
 * The containers this JVM has created and not yet removed. A shutdown hook removes whatever is left
 * when the JVM exits, so Ctrl-C (SIGINT, SIGTERM) does not leave studios behind; only a kill -9
 * can, and the next kiln start removes those ({@link DockerStudio#reapLeftovers}).
 */
final class LiveContainers {

  private static volatile LiveContainers instance;

  private final Engine engine;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  private LiveContainers(Engine engine) {
    this.engine = engine;
  }

  /** The one registry of this JVM (its hook registered once). */
  static synchronized LiveContainers on(Engine engine) {
    if (instance == null) {
      LiveContainers live = new LiveContainers(engine);
      Runtime.getRuntime().addShutdownHook(new Thread(live::removeAll, "kiln-remove-studios"));
      instance = live;
    }
    return instance;
  }

  /** Creates a container and tracks it; a missing image is an error, never a pull. */
  String create(CreateContainerCmd create) throws StudioException {
    try {
      String id = create.exec().getId();
      ids.add(id);
      return id;
    } catch (NotFoundException e) {
      throw new StudioException(
          "the studio image "
              + create.getImage()
              + " is not on this engine and kiln never pulls images; it is built locally on"
              + " first use, so it was probably removed meanwhile: run the command again",
          e);
    }
  }

  void remove(String id) {
    try {
      engine.remove(id);
    } finally {
      ids.remove(id);
    }
  }

  private void removeAll() {
    for (String id : ids) {
      try {
        engine.remove(id);
      } catch (RuntimeException e) {
        // The JVM is going down: remove what we can; the next start reaps the rest.
      }
    }
  }
}
