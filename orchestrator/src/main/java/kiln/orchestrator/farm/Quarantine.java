package kiln.orchestrator.farm;

import java.util.List;
import java.util.Optional;

/**
 * When a host is taken out of a run for failing builds: when it fails every build in seconds while
 * the others do not, or fails far more often than the others. Never the last usable host: with no
 * other host to compare against, its failures are the plans' own.
 */
final class Quarantine {

  /** Quick failures in a row that mark a broken host. */
  static final int QUICK_IN_A_ROW = 3;

  /** Builds a host and the others must have finished before their failure rates are compared. */
  static final int COMPARABLE = 5;

  private Quarantine() {}

  /**
   * Why {@code host} is to be quarantined (one line, for the ledger and the user), or empty.
   *
   * @param others the other hosts still usable (up)
   */
  static Optional<String> verdict(String name, HostHealth host, List<HostHealth> others) {
    if (others.isEmpty()) {
      return Optional.empty();
    }
    int builds = others.stream().mapToInt(HostHealth::builds).sum();
    int failures = others.stream().mapToInt(HostHealth::failures).sum();
    double othersRate = builds == 0 ? 0 : (double) failures / builds;
    if (host.quickFailuresInARow() >= QUICK_IN_A_ROW && othersRate < 0.5) {
      return Optional.of(
          "its last "
              + host.quickFailuresInARow()
              + " builds all failed within "
              + HostHealth.QUICK.toSeconds()
              + "s or could not start there, while the other hosts "
              + (builds == 0 ? "have not failed any" : "failed " + failures + " of " + builds));
    }
    double rate = host.builds() == 0 ? 0 : (double) host.failures() / host.builds();
    if (host.builds() >= COMPARABLE
        && builds >= COMPARABLE
        && rate >= 0.5
        && rate >= 2 * othersRate + 0.3) {
      return Optional.of(
          String.format(
              "it failed %d of its %d builds, the other hosts %d of %d",
              host.failures(), host.builds(), failures, builds));
    }
    return Optional.empty();
  }
}
