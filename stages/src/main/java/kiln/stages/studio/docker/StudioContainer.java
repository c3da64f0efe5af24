package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.Mount;
import kiln.stages.studio.StudioSpec.StudioType;

/**
 * How a {@link StudioSpec} becomes a container: its environment, mounts, network and labels. Kept
 * apart from running it so the mapping can be checked without an engine.
 */
final class StudioContainer {

  /** Where the plan is; builds start there, as in Habitat's studio. */
  static final String SRC = "/src";

  private StudioContainer() {}

  /**
   * The container's environment: the spec's, plus what every studio has unless the spec says
   * otherwise (PATH, HOME, STUDIO_TYPE). Docker itself adds only HOSTNAME.
   */
  static List<String> environment(StudioSpec spec, List<String> backlinePaths) {
    Map<String, String> env = new LinkedHashMap<>();
    if (spec.type() == StudioType.STAGE1) {
      env.put("PATH", "/bin:/tools/bin");
      env.put("STUDIO_TYPE", "stage1");
    } else {
      List<String> path = new ArrayList<>(List.of("/bin"));
      backlinePaths.stream().filter(p -> !path.contains(p)).forEach(path::add);
      env.put("PATH", String.join(":", path));
      env.put("STUDIO_TYPE", "default");
    }
    env.put("HOME", "/root");
    env.putAll(spec.environment());
    List<String> pairs = new ArrayList<>();
    env.forEach((k, v) -> pairs.add(k + "=" + v));
    return pairs;
  }

  /** The spec's mounts, then the backline packages and their /bin (unless the spec has them). */
  static List<Bind> binds(List<Mount> mounts, Map<String, Path> backline, Optional<Path> binDir) {
    List<Bind> binds = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (Mount m : mounts) {
      binds.add(bind(m.source(), m.target(), m.readOnly()));
      targets.add(m.target());
    }
    backline.forEach(
        (target, source) -> {
          if (!targets.contains(target)) {
            binds.add(bind(source, target, true));
          }
        });
    binDir.ifPresent(dir -> binds.add(bind(dir, "/bin", true)));
    return binds;
  }

  private static Bind bind(Path source, String target, boolean readOnly) {
    return new Bind(
        source.toAbsolutePath().toString(),
        new Volume(target),
        readOnly ? AccessMode.ro : AccessMode.rw);
  }

  static String workingDir(List<Mount> mounts) {
    return mounts.stream().anyMatch(m -> m.target().equals(SRC)) ? SRC : "/root";
  }

  /** Fills in a create command: everything but the image, which the caller chose. */
  static CreateContainerCmd configure(
      CreateContainerCmd create,
      StudioSpec spec,
      List<String> command,
      List<String> environment,
      List<Bind> binds,
      Map<String, String> labels) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withBinds(binds)
            .withNetworkMode(spec.network() ? "bridge" : "none");
    return create
        .withCmd(command)
        .withEnv(environment)
        .withLabels(labels)
        .withHostName("kiln-studio")
        .withWorkingDir(workingDir(spec.mounts()))
        .withHostConfig(host);
  }
}
