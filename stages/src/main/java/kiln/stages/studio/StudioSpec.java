package kiln.stages.studio;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one studio holds.
 *
 * @param type a stage1 studio (the tools tarball at {@code /tools}) or a default studio (the
 *     backline packages provide {@code /bin})
 * @param toolsTarball for a stage1 studio: the tarball from stage 0 whose {@code tools/} lands at
 *     {@code /tools}
 * @param backline for a default studio: installed package directories (on the host) whose bin
 *     directories make up the studio's {@code /bin}
 * @param inputs what the run is given: the plan, the program, the dependency closure, the cached
 *     source (see {@link StudioInput}); two inputs may not share a place
 * @param environment the complete environment of the command; nothing of the host's leaks in
 * @param network whether the studio may reach a network at all
 * @param output an absolute path in the studio that starts as an empty writable directory and whose
 *     tree comes back as a tar stream when the command succeeds ({@link OutputReceiver}), or empty
 *     when the run gives nothing back but its log
 */
public record StudioSpec(
    StudioType type,
    Optional<Path> toolsTarball,
    List<Path> backline,
    List<StudioInput> inputs,
    Map<String, String> environment,
    boolean network,
    Optional<String> output) {

  public StudioSpec {
    Objects.requireNonNull(type, "type");
    toolsTarball = Objects.requireNonNull(toolsTarball, "toolsTarball");
    backline = List.copyOf(backline);
    inputs = List.copyOf(inputs);
    environment = Map.copyOf(environment);
    output = Objects.requireNonNull(output, "output");
    if (output.isPresent() && !output.get().startsWith("/")) {
      throw new IllegalArgumentException("the output directory must be absolute: " + output.get());
    }
    Set<String> places = new HashSet<>();
    for (StudioInput input : inputs) {
      if (!places.add(input.target())) {
        throw new IllegalArgumentException("two studio inputs at " + input.target());
      }
    }
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

  /** A spec that gives nothing back but the log (no output directory). */
  public StudioSpec(
      StudioType type,
      Optional<Path> toolsTarball,
      List<Path> backline,
      List<StudioInput> inputs,
      Map<String, String> environment,
      boolean network) {
    this(type, toolsTarball, backline, inputs, environment, network, Optional.empty());
  }
}
