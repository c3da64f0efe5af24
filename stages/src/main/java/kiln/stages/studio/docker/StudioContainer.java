package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BindMounts;
import kiln.stages.studio.StudioSpec;

/**
 * How a {@link StudioSpec} becomes a container: its environment, mounts, network and labels. Kept
 * apart from running it so the mapping can be checked without an engine.
 */
final class StudioContainer {

  /** Where the plan is; builds start there, as in Habitat's studio. */
  static final String SRC = "/src";

  private StudioContainer() {}

  /** Variables the engine sets by itself, which a studio must not show unless the spec has them. */
  private static final List<String> ENGINE_ADDS = List.of("HOSTNAME", "HOME", "PATH");

  /** The container's environment: exactly the spec's. */
  static List<String> environment(StudioSpec spec) {
    List<String> pairs = new ArrayList<>();
    spec.environment().forEach((k, v) -> pairs.add(k + "=" + v));
    return pairs;
  }

  /**
   * The container's command: the spec's command, started by the studio's bash after it drops what
   * the engine added to the environment (HOSTNAME always, HOME and PATH when the spec has none), so
   * the command sees exactly the spec's environment. Its stderr joins its stdout there: the engine
   * carries two streams through separate pipes and loses their order, the log must not.
   *
   * @param resultsOwner {@code uid:gid} to give the writable mounts' files to after the command
   *     (builds run as root; a kiln run by another user must be able to use its results), or empty
   */
  static List<String> command(
      StudioSpec spec,
      List<BindMounts.Bind> mounts,
      List<String> command,
      Optional<String> resultsOwner) {
    List<String> drop =
        ENGINE_ADDS.stream().filter(name -> !spec.environment().containsKey(name)).toList();
    String script = drop.isEmpty() ? "" : "unset " + String.join(" ", drop) + "; ";
    List<String> writable =
        mounts.stream().filter(m -> !m.readOnly()).map(m -> quoted(m.target())).toList();
    if (resultsOwner.isPresent() && !writable.isEmpty()) {
      script +=
          "\"$@\" 2>&1; rc=$?; PATH=\"${PATH:-/bin}:/bin:/tools/bin\" chown -R -h "
              + resultsOwner.get()
              + " -- "
              + String.join(" ", writable)
              + " >/dev/null 2>&1; exit $rc";
    } else {
      script += "exec \"$@\" 2>&1";
    }
    List<String> argv = new ArrayList<>(List.of("/bin/bash", "-c", script, "kiln-studio"));
    argv.addAll(command);
    return argv;
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** The spec's mounts, then the backline packages and their /bin (unless the spec has them). */
  static List<Bind> binds(
      List<BindMounts.Bind> mounts, Map<String, Path> backline, Optional<Path> binDir) {
    List<Bind> binds = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (BindMounts.Bind m : mounts) {
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

  static String workingDir(StudioSpec spec) {
    return spec.inputs().stream().anyMatch(m -> m.target().equals(SRC)) ? SRC : "/root";
  }

  /** Fills in a create command: everything but the image, which the caller chose. */
  static CreateContainerCmd configure(
      CreateContainerCmd create,
      StudioSpec spec,
      List<String> argv,
      List<String> environment,
      List<Bind> binds,
      Map<String, String> labels) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withBinds(binds)
            .withNetworkMode(spec.network() ? "bridge" : "none")
            // The engine removes the container when it exits, as docker run --rm does: no extra
            // round trip per build; kiln still removes it itself on every other way out.
            .withAutoRemove(true);
    return create
        .withCmd(argv)
        .withEnv(environment)
        .withLabels(labels)
        .withHostName("kiln-studio")
        .withWorkingDir(workingDir(spec))
        .withHostConfig(host);
  }
}
