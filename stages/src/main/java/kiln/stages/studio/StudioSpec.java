package kiln.stages.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one studio holds.
 *
 * @param type a stage1 studio (the tools tarball at {@code /tools}) or a default studio (the
 *     backline packages provide {@code /bin})
 * @param toolsTarball for a stage1 studio: the tarball from stage 0 whose {@code tools/} lands at
 *     {@code /tools}
 * @param backline for a default studio: installed package directories (on the host) whose bin
 *     directories make up the studio's {@code /bin}
 * @param mounts host paths shown inside the studio: dependencies read-only, the plan at {@code
 *     /src}, the source cache, the output directory
 * @param environment the complete environment of the command; nothing of the host's leaks in
 * @param network whether the studio may reach a network at all
 */
public record StudioSpec(
    StudioType type,
    Optional<Path> toolsTarball,
    List<Path> backline,
    List<Mount> mounts,
    Map<String, String> environment,
    boolean network) {

  public StudioSpec {
    Objects.requireNonNull(type, "type");
    toolsTarball = Objects.requireNonNull(toolsTarball, "toolsTarball");
    backline = List.copyOf(backline);
    mounts = List.copyOf(mounts);
    environment = Map.copyOf(environment);
    if (type == StudioType.STAGE1 && toolsTarball.isEmpty()) {
      throw new IllegalArgumentException("a stage1 studio needs a tools tarball");
    }
    if (type == StudioType.DEFAULT && toolsTarball.isPresent()) {
      throw new IllegalArgumentException("a default studio has no /tools: drop the tools tarball");
    }
  }

  /** The two kinds of studio Habitat has, and kiln with it. */
  public enum StudioType {
    /** Built from the tools tarball: PATH {@code /bin:/tools/bin}, STUDIO_TYPE=stage1. */
    STAGE1,
    /** Built from packages only: no {@code /tools}, the backline provides {@code /bin}. */
    DEFAULT
  }

  /**
   * A host path shown inside the studio.
   *
   * @param source the path on the host
   * @param target the absolute path inside the studio
   * @param readOnly whether the build may change it
   */
  public record Mount(Path source, String target, boolean readOnly) {
    public Mount {
      Objects.requireNonNull(source, "source");
      if (!target.startsWith("/")) {
        throw new IllegalArgumentException("a mount target must be absolute: " + target);
      }
    }
  }
}
