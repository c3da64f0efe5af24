package kiln.orchestrator.farm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.docker.DockerInventory;
import kiln.world.IoFailures;

/**
 * What kiln left on one build host's engine, for {@code kiln studio list|rm} over kiln.yaml's
 * hosts, or why that engine cannot be asked: one host that does not answer must not keep the others
 * from being listed and cleaned.
 */
public sealed interface HostInventory {

  /** The host's name in kiln.yaml. */
  String host();

  /**
   * The host's engine answered.
   *
   * @param host the host's name
   * @param inventory kiln's studios and images there
   */
  record Reached(String host, StudioInventory inventory) implements HostInventory {}

  /**
   * The host's engine cannot be asked.
   *
   * @param host the host's name
   * @param problem why, in words (the engine's address and what failed)
   */
  record Unreached(String host, String problem) implements HostInventory {}

  /**
   * Each of {@code hosts} in order, reached through {@code links}; a host is pinged first (within
   * {@link EngineLinks#PING_DEADLINE}), so one that is down costs seconds, not a client's timeouts.
   */
  static List<HostInventory> of(List<HostSpec> hosts, EngineLinks links) {
    List<HostInventory> found = new ArrayList<>();
    for (HostSpec host : hosts) {
      Optional<String> problem = links.problem(host);
      if (problem.isPresent()) {
        found.add(new Unreached(host.name(), problem.get()));
        continue;
      }
      try {
        found.add(new Reached(host.name(), DockerInventory.connect(links.endpoint(host))));
      } catch (IOException | StudioException e) {
        found.add(new Unreached(host.name(), IoFailures.describe(e)));
      }
    }
    return found;
  }
}
