package kiln.stages.studio.docker;

import com.github.dockerjava.api.model.HostConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kiln.stages.studio.StudioException;

/**
 * Marks the studio images one kiln run uses on one engine, so that pruning ({@link
 * DockerInventory#removeUnusedImages}) keeps them between builds too, when no studio of the run is
 * running. The mark is a container created from the image and never started (it costs no process,
 * and the engine itself refuses to remove an image a container was made from), labelled with its
 * owner's process like a studio is: the next kiln on this host removes the marks of a run that is
 * gone ({@link DockerInventory#removeLeftovers}), and this JVM removes its own when it exits.
 *
 * <p>A mark carries the owner's run id under {@value #HOLDER_RUN}, not {@link StudioOwner#RUN}: it
 * is not a studio, and "no studio of the run is left" must stay true of a finished run.
 */
final class ImageHolds {

  /** The image a mark holds. */
  static final String HOLDS = StudioOwner.PREFIX + "holds";

  /** The run whose mark it is. */
  static final String HOLDER_RUN = StudioOwner.PREFIX + "holder-run";

  private final Engine engine;
  private final StudioOwner owner;
  private final LiveContainers live;
  private final Map<String, String> marks = new HashMap<>();

  ImageHolds(Engine engine, StudioOwner owner, LiveContainers live) {
    this.engine = engine;
    this.owner = owner;
    this.live = live;
  }

  /** Forgets the marks made: one was removed with its image; the next use marks again. */
  synchronized void forget() {
    marks.values().forEach(live::remove);
    marks.clear();
  }

  /** Marks {@code image} as used by this run, once per image. */
  synchronized void hold(String image) throws StudioException {
    if (marks.containsKey(image)) {
      return;
    }
    Map<String, String> labels = new HashMap<>(owner.labels());
    labels.remove(StudioOwner.RUN);
    labels.remove(StudioOwner.WORK);
    labels.put(HOLDER_RUN, owner.runId());
    labels.put(HOLDS, image);
    String id =
        live.create(
            engine
                .client()
                .createContainerCmd(image)
                .withName(
                    "kiln-hold-"
                        + owner.runId()
                        + "-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .withCmd(List.of("/kiln-holds-this-image"))
                // Engines made for a farm may have no default bridge network at all.
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .withLabels(labels));
    marks.put(image, id);
  }
}
