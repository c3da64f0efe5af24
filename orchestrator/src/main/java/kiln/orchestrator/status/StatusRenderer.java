package kiln.orchestrator.status;

/** One form of {@code kiln status}: the whole report as one text. */
@FunctionalInterface
public interface StatusRenderer {

  String render(RunStatus status);
}
