package kiln.orchestrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * What the scheduler tells as it goes; the CLI shows it (a live display on a terminal, plain lines
 * otherwise). Called from the scheduler's thread only, after the ledger has recorded the event.
 */
public interface Progress {

  /** A stage starts: {@code total} entries, {@code done} of them already built or set aside. */
  default void stageStarted(StageName stage, int total, int done) {}

  /**
   * A stage starts, told in full: its entries, where each stands before the first build, and how
   * many builds may run at once. By default told as {@link #stageStarted(StageName, int, int)}.
   */
  default void stageStarted(StageWork work, Map<EntryKey, EntryStatus> now, int jobs) {
    int done =
        (int)
            now.values().stream()
                .filter(s -> s == EntryStatus.BUILT || s == EntryStatus.SKIPPED)
                .count();
    stageStarted(work.stage(), work.entries().size(), done);
  }

  /**
   * A stage runs over these build hosts (kiln.yaml's {@code hosts}, in its order); told after the
   * stage starts, and only in a run over hosts.
   */
  default void stageHosts(StageName stage, List<String> hosts) {}

  /** A build is placed on a build host (a run over kiln.yaml's hosts); told before it starts. */
  default void buildPlaced(StageName stage, EntryKey key, String host) {}

  /**
   * A build was cut off with no verdict on its plan (its host was lost or quarantined) and is
   * queued again.
   */
  default void buildCutOff(StageName stage, EntryKey key, String why) {}

  /**
   * A build host was lost, rejoined or was quarantined (a run over kiln.yaml's hosts); told once
   * the ledger has it.
   */
  default void hostChanged(HostEvent event) {}

  /** A build starts; {@code attempt} counts from 1. */
  default void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {}

  /**
   * A build ended as built, failed or timed out.
   *
   * @param why for a failure: the builder's one-line reason; otherwise empty
   */
  default void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {}

  /** An entry was set aside. */
  default void skipped(StageName stage, EntryKey key, String reason) {}

  /** A recorded artifact is missing or changed, so its entry is built again. */
  default void artifactGone(StageName stage, EntryKey key, Path artifact) {}

  /** Something else worth a line: an artifact moved out of the way, a check's verdict. */
  default void note(String text) {}

  /** The stage ended (completed, stopped or failed fast). */
  default void stageFinished(StageResult result) {}

  /**
   * Tells every event to this and then to {@code other}: the live report listens to a run beside
   * what the terminal shows.
   */
  default Progress and(Progress other) {
    return new BothProgress(this, other);
  }

  /** Shows nothing. */
  Progress SILENT = new Progress() {};
}
