package kiln.world;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads many plans at once: statically ({@link #statically()}) or by sourcing them with bash
 * ({@link BashPlanSource}).
 */
public interface PlanSource {

  /** One outcome per file, in the order given. */
  List<PlanOutcome> readAll(List<Path> planFiles, EvalContext context);

  /** The static reader, reading in parallel. */
  static PlanSource statically() {
    PlanReader reader = new PlanReader();
    return (files, context) ->
        files.parallelStream()
            .map(
                file -> {
                  try {
                    return PlanOutcome.read(file, reader.read(file, context));
                  } catch (UnreadablePlanException e) {
                    return PlanOutcome.unreadable(file, e.diagnostic());
                  }
                })
            .toList();
  }
}
