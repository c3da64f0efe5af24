/**
 * The pipeline and the scheduler.
 *
 * <p>{@link kiln.orchestrator.Scheduler} builds one stage's {@link kiln.resume.StageWork} through a
 * {@link kiln.orchestrator.EntryBuilder} (the seam to the studios), recording every transition in
 * the {@link kiln.resume.RunJournal} first. {@link kiln.orchestrator.Interventions} is {@code kiln
 * skip} and {@code kiln retry}; {@link kiln.orchestrator.Progress} is what the CLI shows.
 *
 * <p>Every command opens a run through {@link kiln.orchestrator.RunSession} (lock, journal, notes,
 * the stop hook; {@code peek} for status, whose model and renderers are in {@code
 * kiln.orchestrator.status}). {@link kiln.orchestrator.EntryWeights} (in {@link
 * kiln.orchestrator.SchedulerOptions}) orders ready entries; {@link
 * kiln.orchestrator.PostStageStep}s run after a stage; {@link kiln.orchestrator.StagePublishing} is
 * kiln.yaml's {@code publish:} among them, and the request {@code kiln publish} makes too.
 */
package kiln.orchestrator;
