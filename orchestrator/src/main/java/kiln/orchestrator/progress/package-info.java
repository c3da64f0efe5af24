/**
 * Time as a run shows it: {@link kiln.orchestrator.progress.StageWatch} (a stage's time so far, its
 * ETA from the build history, each running build against its estimate), {@link
 * kiln.orchestrator.progress.RunSummary} (what {@code kiln bootstrap} prints at its end) and {@link
 * kiln.orchestrator.progress.DurationText} (durations in words or as a clock); and in a run over
 * build hosts, {@link kiln.orchestrator.progress.HostBoard} (what each host does, for the live
 * block) and {@link kiln.orchestrator.progress.HostLines} (a host's change as a line).
 */
package kiln.orchestrator.progress;
