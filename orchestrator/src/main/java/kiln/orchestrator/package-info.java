/**
 * The pipeline and the scheduler.
 *
 * <p>{@link kiln.orchestrator.Scheduler} builds one stage's {@link kiln.resume.StageWork} through a
 * {@link kiln.orchestrator.EntryBuilder} (the seam to the studios), recording every transition in
 * the {@link kiln.resume.RunJournal} first. {@link kiln.orchestrator.Interventions} is {@code kiln
 * skip} and {@code kiln retry}; {@link kiln.orchestrator.Progress} is what the CLI shows.
 */
package kiln.orchestrator;
