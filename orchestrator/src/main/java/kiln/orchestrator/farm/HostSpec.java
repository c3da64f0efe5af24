package kiln.orchestrator.farm;

import java.util.Objects;

/**
 * One build host as kiln.yaml's {@code hosts} lists it.
 *
 * @param name how messages, progress and the ledger call it (default: the endpoint's address)
 * @param endpoint how its Docker engine is reached
 * @param jobs how many builds it runs at once
 * @param speed how fast it builds against the others (1 = the usual; 2 = twice as fast): the most
 *     urgent build goes to the fastest free host
 */
public record HostSpec(String name, HostEndpoint endpoint, int jobs, double speed) {

  /** The most builds at once one host may be given. */
  public static final int MAX_JOBS = 256;

  public HostSpec {
    Objects.requireNonNull(endpoint, "endpoint");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a build host needs a name");
    }
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw new IllegalArgumentException("jobs must be from 1 to " + MAX_JOBS + ", not " + jobs);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a number above 0, not " + speed);
    }
  }
}
