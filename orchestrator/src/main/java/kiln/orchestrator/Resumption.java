package kiln.orchestrator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kiln.orchestrator.inputs.EntryInputs;
import kiln.orchestrator.inputs.Rebuilds;
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
 * it was built with (checked by {@link ArtifactHashes}: a file whose metadata is as it was when
 * last hashed is not read) and whose inputs are unchanged stay built, unless an entry they depend
 * on is built again ({@link Rebuilds}); entries the user set aside stay aside, and so do their
 * dependents; everything else is queued (again). The changes are recorded in one group commit
 * before the first build starts.
 */
final class Resumption {

  private final StageWork work;
  private final RunJournal journal;
  private final Progress progress;
  private final ArtifactHashes hashes;
  private final EntryInputs inputs;

  Resumption(StageWork work, RunJournal journal, Progress progress, EntryInputs inputs) {
    this.work = work;
    this.journal = journal;
    this.progress = progress;
    this.hashes = ArtifactHashes.of(journal);
    this.inputs = inputs;
  }

  Board board(EntryWeights weights) throws JournalException {
    StageState recorded = journal.state().stage(work.stage());
    Set<EntryKey> gone = new HashSet<>();
    for (EntryKey key : work.keys()) {
      EntryState state = recorded.entry(key);
      if (state.status() == EntryStatus.BUILT && !verifies(key, state)) {
        progress.artifactGone(work.stage(), key, state.artifact().path());
        gone.add(key);
      }
    }
    Map<EntryKey, String> why = Rebuilds.reasons(work, recorded, inputs, gone);
    Map<EntryKey, EntryStatus> initial = new HashMap<>();
    for (EntryKey key : work.keys()) {
      EntryState state = recorded.entry(key);
      initial.put(
          key,
          why.containsKey(key)
              ? EntryStatus.QUEUED
              : state.status() == EntryStatus.BUILT
                  ? EntryStatus.BUILT
                  : state.skippedByUser() ? EntryStatus.SKIPPED : EntryStatus.QUEUED);
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
      EntryState was = recorded.entry(key);
      if (board.status(key) == EntryStatus.QUEUED
          && (!known
              || was.status() != EntryStatus.QUEUED
              || !Objects.equals(was.reason(), why.get(key)))) {
        changes.add(
            why.containsKey(key)
                ? Transition.queued(work.stage(), key, why.get(key))
                : Transition.queued(work.stage(), key));
        if (was.status() == EntryStatus.BUILT && !gone.contains(key)) {
          announcements.add(
              () -> progress.note(work.stage() + ": " + key + " is built again: " + why.get(key)));
        }
      }
    }
    journal.recordAll(changes);
    announcements.forEach(Runnable::run);
    return board;
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
