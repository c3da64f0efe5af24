package kiln.orchestrator.farm;

import java.util.Optional;

/** Asks a build host's engine whether it answers, within a deadline: the host watch's seam. */
@FunctionalInterface
public interface HostProbe {

  /** Empty when the host's engine answered, else why not, in words. */
  Optional<String> problem(HostSpec host);
}
