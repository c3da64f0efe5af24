package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.PipelineParts.Problem;
import kiln.orchestrator.PipelineParts.StageChecks;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.Transition;
import kiln.world.IoFailures;

/**
 * The check a stage's artifacts must pass before the next stage may use them (after stage2: nothing
 * refers to {@code /tools}), as a condition of the hand-over itself, so it holds however the next
 * stage is reached ({@code --from}, {@code --only}, a later run).
 *
 * <p>It runs on exactly the artifacts the ledger records as built. Which ones passed is recorded in
 * the ledger by sha256, so each artifact is checked once, not on every resume (a stage2 of real
 * base plans is hundreds of MB of xz to read). An entry whose artifact fails is recorded as failed,
 * with what was found as the reason and appended to its build log: {@code kiln status} shows it,
 * the hand-over waits like for any failure, and the next {@code kiln bootstrap} rebuilds it (after
 * its plan is fixed). Only {@code --force} of the stage goes on without it.
 */
final class HandOverCheck {

  private final RunJournal journal;
  private final StageChecks checks;
  private final LogPaths logs;

  HandOverCheck(RunJournal journal, StageChecks checks, LogPaths logs) {
    this.journal = journal;
    this.checks = checks;
    this.logs = logs;
  }

  /**
   * Checks the stage's built artifacts that were not checked yet.
   *
   * @return why the stage may not hand over, when an artifact fails
   */
  Optional<String> run(StageName stage) throws StageException, JournalException {
    if (!checks.checks(stage)) {
      return Optional.empty();
    }
    StageState state = journal.state().stage(stage);
    Map<Path, EntryKey> unchecked = new LinkedHashMap<>();
    for (EntryKey key : state.keys()) {
      EntryState entry = state.entry(key);
      if (entry.status() == EntryStatus.BUILT
          && !state.checked().contains(entry.artifact().sha256())) {
        unchecked.put(entry.artifact().path(), key);
      }
    }
    if (unchecked.isEmpty()) {
      return Optional.empty();
    }
    Map<EntryKey, List<String>> found = new LinkedHashMap<>();
    for (Problem problem : checks.problems(stage, List.copyOf(unchecked.keySet()))) {
      EntryKey key = unchecked.get(problem.artifact());
      if (key == null) {
        throw new IllegalStateException("the check named an artifact it was not given: " + problem);
      }
      found.computeIfAbsent(key, k -> new ArrayList<>()).add(problem.what());
    }
    List<String> passed = new ArrayList<>();
    unchecked.forEach(
        (artifact, key) -> {
          if (!found.containsKey(key)) {
            passed.add(state.entry(key).artifact().sha256());
          }
        });
    journal.recordCheckPassed(stage, passed);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<Transition> failures = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (Map.Entry<EntryKey, List<String>> entry : found.entrySet()) {
      EntryKey key = entry.getKey();
      EntryState was = state.entry(key);
      Path log = was.log() != null ? was.log() : newLog(stage, key);
      appendToLog(log, was.artifact().path(), entry.getValue());
      String reason =
          entry.getValue().get(0)
              + (entry.getValue().size() > 1
                  ? " (and " + (entry.getValue().size() - 1) + " more: see the log)"
                  : "");
      failures.add(Transition.failedCheck(stage, key, log, reason));
      entry.getValue().forEach(what -> places.add(key + ": " + what));
    }
    journal.recordAll(failures);
    return Optional.of(
        stage
            + ": "
            + found.size()
            + " artifact(s) fail the check before the next stage, and their plans are recorded as"
            + " failed (`kiln status` lists them):\n  "
            + String.join("\n  ", places)
            + "\nFix these plans and run `kiln bootstrap` again: it rebuilds them (or --force "
            + stage
            + " to go on without them)");
  }

  private Path newLog(StageName stage, EntryKey key) throws StageException {
    try {
      return logs.newAttempt(stage, key);
    } catch (IOException e) {
      throw new StageException(
          IoFailures.message("cannot make a log for " + key + " in " + stage, e), e);
    }
  }

  /** The build log gets the verdict too: it is where `kiln status` sends people. */
  private static void appendToLog(Path log, Path artifact, List<String> found)
      throws StageException {
    StringBuilder text =
        new StringBuilder("kiln: the artifact ").append(artifact).append(" fails the check:\n");
    found.forEach(what -> text.append("kiln:   ").append(what).append('\n'));
    try {
      Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StageException(
          IoFailures.message("cannot write the check's findings to " + log, e), e);
    }
  }
}
