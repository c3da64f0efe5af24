/**
 * What {@code kiln status} shows, as a model ({@link kiln.orchestrator.status.RunStatus}: per stage
 * the counts, per entry its state, its attempts with their times, and what it blocks, and each
 * build host's {@link kiln.orchestrator.status.HostStatus}) built once from the replayed ledger,
 * and the renderers that print it ({@link kiln.orchestrator.status.TextStatus} for people, {@link
 * kiln.orchestrator.status.JsonStatus} for scripts, a stable shape documented in docs/ledger.md). A
 * new form (a report page) is one more {@link kiln.orchestrator.status.StatusRenderer}.
 */
package kiln.orchestrator.status;
