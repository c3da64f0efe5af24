package kiln.world;

import java.util.List;
import java.util.stream.Collectors;

/** The world has no build order: plans depend on each other in cycles. */
public final class DependencyCycleException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient List<DependencyCycle> cycles;

  public DependencyCycleException(List<DependencyCycle> cycles) {
    super(
        cycles.size()
            + " dependency cycle"
            + (cycles.size() == 1 ? "" : "s")
            + " (--allow-cycles orders them anyway):\n"
            + cycles.stream().map(DependencyCycle::describe).collect(Collectors.joining("\n")));
    this.cycles = List.copyOf(cycles);
  }

  /** Each cycle, largest first. */
  public List<DependencyCycle> cycles() {
    return cycles;
  }
}
