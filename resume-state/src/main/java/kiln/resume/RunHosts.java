package kiln.resume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build hosts' changes a run's ledger holds. Each kiln session starts with every host up (a
 * host lost or quarantined in an earlier session is asked again), so where a host stands now is its
 * latest change of the latest session; the earlier ones are history, for the report.
 *
 * @param events every host record of the run, in the order recorded
 * @param sessionFrom the index in {@code events} of the first record of the latest session
 */
public record RunHosts(List<HostEvent> events, int sessionFrom) {

  /** No host record. */
  public static final RunHosts NONE = new RunHosts(List.of(), 0);

  public RunHosts {
    events = List.copyOf(events);
    if (sessionFrom < 0 || sessionFrom > events.size()) {
      throw new IllegalArgumentException(
          "a session starts within its " + events.size() + " host records, not at " + sessionFrom);
    }
  }

  /** Each host's latest change in the latest session, by host, in the order first heard of. */
  public Map<String, HostEvent> latest() {
    Map<String, HostEvent> latest = new LinkedHashMap<>();
    for (HostEvent event : events.subList(sessionFrom, events.size())) {
      latest.put(event.host(), event);
    }
    return latest;
  }
}
