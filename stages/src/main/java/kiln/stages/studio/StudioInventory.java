package kiln.stages.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The studios and studio images kiln has left on wherever its studios run, for {@code kiln studio
 * list|rm}, whatever kind of studio that is. Only what kiln labelled is ever shown or removed, and
 * never a studio whose kiln is still running: other runs and other users share the engines.
 */
public interface StudioInventory {

  /**
   * A studio kiln started and that is still there.
   *
   * @param id the studio's id where it runs
   * @param name its name
   * @param image the image it was made from
   * @param state running, exited, ...
   * @param runId the kiln run that started it (unique per kiln process)
   * @param workDir that run's work directory
   * @param pid that run's process id, on its host
   * @param ownerGone whether that kiln process is known to be gone
   */
  record LeftStudio(
      String id,
      String name,
      String image,
      String state,
      String runId,
      String workDir,
      String pid,
      boolean ownerGone) {}

  /**
   * A studio image kiln built.
   *
   * @param id the image id
   * @param tags its tags
   * @param kind stage1 or base
   * @param size bytes
   */
  record StudioImage(String id, List<String> tags, String kind, long size) {
    public StudioImage {
      tags = List.copyOf(tags);
    }
  }

  /** kiln's studios, their owners alive or gone. */
  List<LeftStudio> studios();

  /** kiln's studio images. */
  List<StudioImage> images();

  /**
   * Removes the studios of kiln runs that are gone; returns their names.
   *
   * @param workDir only those of this work directory, or all when empty
   */
  List<String> removeLeftovers(Optional<Path> workDir);

  /**
   * Removes every studio labelled with this run id, whether or not its owner is known to be gone:
   * for a run that knows it is over (or a host that comes back after its builds were moved), with
   * no process id to check.
   *
   * @return the names of the studios removed
   */
  List<String> removeRun(String runId);

  /** Removes kiln's studio images that no remaining studio uses; returns their tags. */
  List<String> removeUnusedImages();
}
