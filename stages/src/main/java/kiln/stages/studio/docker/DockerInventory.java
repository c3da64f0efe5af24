package kiln.stages.studio.docker;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory;

/**
 * kiln's containers and images on one engine. A container's owner is judged by its labels: gone
 * when it ran on this host and its process is gone ({@link StudioOwner#ownerIsDead}); a run's
 * containers can also be removed by the run label alone ({@link #removeRun}), which needs no pid.
 */
public final class DockerInventory implements StudioInventory {

  private final Engine engine;
  private final String host = StudioOwner.hostName();

  DockerInventory(Engine engine) {
    this.engine = engine;
  }

  /** The inventory of the engine at {@code endpoint}. */
  public static DockerInventory connect(DockerEndpoint endpoint) throws StudioException {
    return new DockerInventory(Engine.connect(endpoint));
  }

  @Override
  public List<LeftStudio> studios() {
    return studios(StudioOwner.RUN);
  }

  private List<LeftStudio> studios(String labelFilter) {
    List<LeftStudio> found = new ArrayList<>();
    for (Container c : engine.containersLabelled(labelFilter)) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
      found.add(
          new LeftStudio(
              c.getId(),
              name.replaceFirst("^/", ""),
              c.getImage(),
              c.getState(),
              labels.getOrDefault(StudioOwner.RUN, ""),
              labels.getOrDefault(StudioOwner.WORK, ""),
              labels.getOrDefault(StudioOwner.PID, ""),
              StudioOwner.ownerIsDead(labels, host)));
    }
    return found;
  }

  @Override
  public List<StudioImage> images() {
    List<StudioImage> found = new ArrayList<>();
    for (Image i : engine.imagesLabelled(StudioImages.IMAGE)) {
      Map<String, String> labels = i.getLabels() == null ? Map.of() : i.getLabels();
      List<String> tags = i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags());
      long size = i.getSize() == null ? 0 : i.getSize();
      found.add(
          new StudioImage(i.getId(), tags, labels.getOrDefault(StudioImages.IMAGE, "?"), size));
    }
    return found;
  }

  @Override
  public List<String> removeLeftovers(Optional<Path> workDir) {
    List<String> removed = new ArrayList<>();
    for (LeftStudio c : studios()) {
      boolean inScope = workDir.map(w -> w.toString().equals(c.workDir())).orElse(true);
      if (inScope && c.ownerGone() && engine.remove(c.id())) {
        removed.add(c.name());
      }
    }
    // A gone run's image marks go too (they have no work directory): its images become prunable.
    for (Container mark : engine.containersLabelled(ImageHolds.HOLDS)) {
      if (StudioOwner.ownerIsDead(labelsOf(mark), host)) {
        engine.remove(mark.getId());
      }
    }
    return removed;
  }

  private static Map<String, String> labelsOf(Container c) {
    return c.getLabels() == null ? Map.of() : c.getLabels();
  }

  @Override
  public List<String> removeRun(String runId) {
    if (runId.isBlank()) {
      throw new IllegalArgumentException("a run id must not be blank");
    }
    List<String> removed = new ArrayList<>();
    for (LeftStudio c : studios(StudioOwner.RUN + "=" + runId)) {
      if (engine.remove(c.id())) {
        removed.add(c.name());
      }
    }
    for (Container mark : engine.containersLabelled(ImageHolds.HOLDER_RUN + "=" + runId)) {
      engine.remove(mark.getId());
    }
    return removed;
  }

  /**
   * Removes kiln's studio images that no kiln container uses: neither a studio (of a live run or a
   * gone one not yet reaped) nor a live run's mark ({@link ImageHolds}). Only images kiln made are
   * considered: labelled as a studio image and named as kiln names them (or untagged); the engine
   * itself refuses to remove one that any container or child image still needs.
   */
  @Override
  public List<String> removeUnusedImages() {
    Set<String> inUse = new HashSet<>();
    for (LeftStudio c : studios()) {
      inUse.add(c.image());
    }
    for (Container mark : engine.containersLabelled(ImageHolds.HOLDS)) {
      inUse.add(labelsOf(mark).getOrDefault(ImageHolds.HOLDS, ""));
      inUse.add(mark.getImageId());
    }
    List<String> removed = new ArrayList<>();
    for (StudioImage image : images()) {
      boolean kilns = image.tags().stream().allMatch(StudioImages::isKilnTag);
      if (kilns
          && image.tags().stream().noneMatch(inUse::contains)
          && !inUse.contains(image.id())) {
        for (String name : image.tags().isEmpty() ? List.of(image.id()) : image.tags()) {
          if (engine.removeImage(name)) {
            removed.add(name);
          }
        }
      }
    }
    return removed;
  }
}
