package kiln.orchestrator.farm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.world.IoFailures;

/**
 * How a build host stands when asked now ({@code kiln hosts}): whether its engine answers, and its
 * version.
 *
 * @param host the host as kiln.yaml lists it
 * @param problem why its engine does not answer; empty when it does
 * @param version the engine's version when it answers
 */
public record HostCheck(HostSpec host, Optional<String> problem, Optional<String> version) {

  /** Asks each host in turn (each within {@link EngineLinks#PING_DEADLINE}). */
  public static List<HostCheck> of(List<HostSpec> hosts, EngineLinks links) {
    List<HostCheck> checks = new ArrayList<>();
    for (HostSpec host : hosts) {
      Optional<String> problem = links.problem(host);
      Optional<String> version = Optional.empty();
      if (problem.isEmpty()) {
        try {
          version = Optional.of(links.version(host));
        } catch (IOException e) {
          problem = Optional.of(IoFailures.message("its engine's version cannot be read", e));
        }
      }
      checks.add(new HostCheck(host, problem, version));
    }
    return checks;
  }

  /** {@code up} or {@code unreachable}. */
  public String state() {
    return problem.isEmpty() ? "up" : "unreachable";
  }
}
