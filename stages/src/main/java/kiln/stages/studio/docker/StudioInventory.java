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

/**
 * kiln's containers and images on the engine, for {@code kiln studio list} and {@code kiln studio
 * rm}. Only what kiln labelled is ever shown or removed, and never a container whose kiln is still
 * running: other runs and other users share the engine.
 */
public final class StudioInventory {

  /** A container kiln started. */
  public record KilnContainer(
      String id,
      String name,
      String image,
      String state,
      Map<String, String> labels,
      boolean ownerDead) {
    public KilnContainer {
      labels = Map.copyOf(labels);
    }

    public String runId() {
      return labels.getOrDefault(StudioOwner.RUN, "");
    }

    public String workDir() {
      return labels.getOrDefault(StudioOwner.WORK, "");
    }

    public String pid() {
      return labels.getOrDefault(StudioOwner.PID, "");
    }
  }

  /** A studio image kiln built. */
  public record KilnImage(String id, List<String> tags, String kind, long size) {
    public KilnImage {
      tags = List.copyOf(tags);
    }
  }

  private final Engine engine;
  private final String host = StudioOwner.hostName();

  private StudioInventory(Engine engine) {
    this.engine = engine;
  }

  public static StudioInventory connect() throws StudioException {
    return new StudioInventory(Engine.connect());
  }

  public List<KilnContainer> containers() {
    List<KilnContainer> found = new ArrayList<>();
    for (Container c : engine.containersLabelled(StudioOwner.RUN)) {
      Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
      String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
      found.add(
          new KilnContainer(
              c.getId(),
              name.replaceFirst("^/", ""),
              c.getImage(),
              c.getState(),
              labels,
              StudioOwner.ownerIsDead(labels, host)));
    }
    return found;
  }

  public List<KilnImage> images() {
    List<KilnImage> found = new ArrayList<>();
    for (Image i : engine.imagesLabelled(StudioImages.IMAGE)) {
      Map<String, String> labels = i.getLabels() == null ? Map.of() : i.getLabels();
      List<String> tags = i.getRepoTags() == null ? List.of() : List.of(i.getRepoTags());
      long size = i.getSize() == null ? 0 : i.getSize();
      found.add(new KilnImage(i.getId(), tags, labels.getOrDefault(StudioImages.IMAGE, "?"), size));
    }
    return found;
  }

  /**
   * Removes the containers of kiln runs that are gone; returns their names.
   *
   * @param workDir only those of this work directory, or all when empty
   */
  public List<String> removeLeftovers(Optional<Path> workDir) {
    List<String> removed = new ArrayList<>();
    for (KilnContainer c : containers()) {
      boolean inScope = workDir.map(w -> w.toString().equals(c.workDir())).orElse(true);
      if (inScope && c.ownerDead() && engine.remove(c.id())) {
        removed.add(c.name());
      }
    }
    return removed;
  }

  /** Removes kiln's studio images that no remaining container uses; returns their tags. */
  public List<String> removeUnusedImages() {
    Set<String> inUse = new HashSet<>();
    for (KilnContainer c : containers()) {
      inUse.add(c.image());
    }
    List<String> removed = new ArrayList<>();
    for (KilnImage image : images()) {
      if (image.tags().stream().noneMatch(inUse::contains) && !inUse.contains(image.id())) {
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
