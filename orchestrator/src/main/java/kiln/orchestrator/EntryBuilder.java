package kiln.orchestrator;

import java.nio.file.Path;
import kiln.resume.StageEntry;
import kiln.resume.StageName;

/**
 * Builds one entry of a stage: the seam between the scheduler and the studios. The real one makes a
 * fresh studio for the stage, runs the plan build program in it and copies the signed artifact to
 * the stage's results folder. It must be safe to call from several threads at once (one per {@code
 * -j} slot).
 */
public interface EntryBuilder {

  /**
   * Builds {@code entry}, with its {@code VAR=value} settings in the build's environment.
   *
   * @param stage the stage being built
   * @param entry the plan and its settings
   * @param log the file the build's output goes to (a new file for each attempt)
   * @return how the build ended: the artifact, or why there is none
   * @throws BuilderException when the builder itself cannot work (no container engine, no space):
   *     the stage stops and the entry is retried on the next run, instead of being counted as the
   *     plan's failure
   * @throws InterruptedException when kiln is stopping; the build is abandoned
   */
  BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws BuilderException, InterruptedException;

  /** The builder for the builds placed on {@code host}: itself, unless it drives build hosts. */
  default EntryBuilder on(String host) {
    return this;
  }

  /**
   * Where this stage's builds may run: the local studio, {@code jobs} at once, unless the builder
   * drives build hosts (kiln.yaml {@code hosts}); then every host's slots, or one build at a time
   * when {@code ordered}.
   */
  default BuildPlaces places(int jobs, boolean ordered) {
    return BuildPlaces.local(jobs);
  }
}
