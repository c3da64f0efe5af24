package kiln.orchestrator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.world.IoFailures;

/**
 * Where a stage starts from, given its ledger: built entries whose artifact still has the content
 * it was built with stay built (checked by {@link ArtifactHashes}: a file whose metadata is as it
 * was when last hashed is not read); entries the user set aside stay aside, and so do their
 * dependents; everything else is queued (again). The changes are recorded in one group commit
 * before the first build starts.
 */
final class Resumption {

  private final StageWork work;
  private final RunJournal journal;
  private final Progress progress;
  private final ArtifactHashes hashes;

  Resumption(StageWork work, RunJournal journal, Progress progress) {
    this.work = work;
    this.journal = journal;
    this.progress = progress;
    this.hashes = ArtifactHashes.of(journal);
  }

  Board board(EntryWeights weights) throws JournalException {
    StageState recorded = journal.state().stage(work.stage());
    Map<EntryKey, EntryStatus> initial = new HashMap<>();
    for (EntryKey key : work.keys()) {
      initial.put(key, startingStatus(key, recorded.entry(key)));
    }
    hashes.save();
    Board board = new Board(work, initial, weights);
    List<Transition> changes = new ArrayList<>();
    List<Runnable> announcements = new ArrayList<>();
    for (EntryKey key : work.keys()) {
      if (initial.get(key) == EntryStatus.SKIPPED) {
        String reason = key + " was skipped by the user";
        for (EntryKey blocked : board.blockedBy(key)) {
          board.setAside(blocked, EntryStatus.SKIPPED);
          EntryState was = recorded.entry(blocked);
          if (was.status() != EntryStatus.SKIPPED || !Objects.equals(was.cause(), key)) {
            changes.add(Transition.skipped(work.stage(), blocked, key, reason));
          }
          announcements.add(() -> progress.skipped(work.stage(), blocked, reason));
        }
      }
    }
    for (EntryKey key : work.keys()) {
      boolean known = recorded.entries().containsKey(key);
      if (board.status(key) == EntryStatus.QUEUED
          && (!known || recorded.entry(key).status() != EntryStatus.QUEUED)) {
        changes.add(Transition.queued(work.stage(), key));
      }
    }
    journal.recordAll(changes);
    announcements.forEach(Runnable::run);
    return board;
  }

  private EntryStatus startingStatus(EntryKey key, EntryState state) throws JournalException {
    if (state.status() == EntryStatus.BUILT) {
      if (verifies(key, state)) {
        return EntryStatus.BUILT;
      }
      progress.artifactGone(work.stage(), key, state.artifact().path());
      return EntryStatus.QUEUED;
    }
    return state.skippedByUser() ? EntryStatus.SKIPPED : EntryStatus.QUEUED;
  }

  private boolean verifies(EntryKey key, EntryState state) throws JournalException {
    try {
      return hashes.problem(state.artifact()).isEmpty();
    } catch (IOException e) {
      throw new JournalException(
          IoFailures.message("cannot check the artifact of " + key + " in " + work.stage(), e), e);
    }
  }
}
