package kiln.orchestrator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.Transition;

/** What {@code kiln skip}, {@code kiln retry} and {@code kiln rebuild} do to the ledger. */
public final class Interventions {

  private Interventions() {}

  /**
   * Sets entries aside "by the user", with every entry of the stage that depends on them (those are
   * skipped with the reason). They stay aside across runs until {@link #retry}.
   *
   * @param what {@code origin/name} (every entry of that plan) or {@code origin/name VAR=value...}
   *     (exactly that entry)
   * @return the entries set aside, the named ones first
   */
  public static List<EntryKey> skip(RunJournal journal, StageName stage, String what)
      throws JournalException {
    StageState state = journal.state().stage(stage);
    List<EntryKey> named = matching(state, what);
    if (named.isEmpty()) {
      if (state.work().isPresent()) {
        throw new JournalException(noSuchEntry(stage, what, state));
      }
      named = List.of(EntryKey.parse(what)); // the stage has not started: applies when it does
    }
    List<Transition> changes = new ArrayList<>();
    Set<EntryKey> all = new LinkedHashSet<>(named);
    for (EntryKey key : named) {
      changes.add(Transition.skippedByUser(stage, key));
    }
    for (EntryKey key : named) {
      String reason = key + " was skipped by the user";
      for (EntryKey dependent :
          state.work().map(w -> w.transitiveDependents(key)).orElse(List.of())) {
        EntryStatus status = state.entry(dependent).status();
        if (status != EntryStatus.BUILT && !all.contains(dependent)) {
          all.add(dependent);
          changes.add(Transition.skipped(stage, dependent, key, reason));
        }
      }
    }
    journal.recordAll(changes);
    return List.copyOf(all);
  }

  /**
   * Puts failed, timed-out or skipped entries back in the queue, with every entry they kept from
   * building (skipped because of them).
   *
   * @return the entries queued again, the named ones first
   * @throws JournalException when no such entry is failed, timed out or skipped
   */
  public static List<EntryKey> retry(RunJournal journal, StageName stage, String what)
      throws JournalException {
    StageState state = journal.state().stage(stage);
    List<EntryKey> named =
        matching(state, what).stream().filter(k -> setAside(state.entry(k))).toList();
    if (named.isEmpty()) {
      throw new JournalException(
          "nothing to retry for '" + what + "' in " + stage + ": " + describe(state, what));
    }
    Set<EntryKey> all = new LinkedHashSet<>(named);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (EntryKey key : state.keys()) {
        EntryState entry = state.entry(key);
        if (entry.status() == EntryStatus.SKIPPED && all.contains(entry.cause()) && all.add(key)) {
          grew = true;
        }
      }
    }
    journal.recordAll(all.stream().map(k -> Transition.queued(stage, k)).toList());
    return List.copyOf(all);
  }

  /** The reason recorded on an entry queued by {@code kiln rebuild}. */
  public static final String ASKED = "asked: kiln rebuild";

  /**
   * Queues entries to be built again whatever their state, recorded so that the next {@code kiln
   * bootstrap} builds them (and, a crash later, the one after). Their dependents are built again
   * after them in any case (a dependent kept on a replaced artifact would name a release no longer
   * in the results); {@code withDependents} queues them now, so {@code kiln status} lists them.
   *
   * @return the entries queued, the named ones first
   * @throws JournalException when the stage has no such entry
   */
  public static List<EntryKey> rebuild(
      RunJournal journal, StageName stage, List<String> what, boolean withDependents)
      throws JournalException {
    StageState state = journal.state().stage(stage);
    Set<EntryKey> all = new LinkedHashSet<>();
    List<Transition> changes = new ArrayList<>();
    for (String one : what) {
      List<EntryKey> named = matching(state, one);
      if (named.isEmpty()) {
        throw new JournalException(noSuchEntry(stage, one, state));
      }
      for (EntryKey key : named) {
        if (all.add(key)) {
          changes.add(Transition.queued(stage, key, ASKED));
        }
      }
    }
    if (withDependents) {
      for (EntryKey key : List.copyOf(all)) {
        for (EntryKey dependent :
            state.work().map(w -> w.transitiveDependents(key)).orElse(List.of())) {
          if (all.add(dependent) && !state.entry(dependent).skippedByUser()) {
            changes.add(Transition.queued(stage, dependent, "dependency rebuilt: " + key));
          }
        }
      }
    }
    journal.recordAll(changes);
    return List.copyOf(all);
  }

  private static boolean setAside(EntryState entry) {
    return entry.status().isFailure() || entry.status() == EntryStatus.SKIPPED;
  }

  private static List<EntryKey> matching(StageState state, String what) {
    EntryKey wanted = EntryKey.parse(what);
    boolean exact = !wanted.args().isEmpty();
    return state.keys().stream()
        .filter(k -> exact ? k.equals(wanted) : k.ident().equals(wanted.ident()))
        .toList();
  }

  private static String noSuchEntry(StageName stage, String what, StageState state) {
    return stage
        + " has no plan '"
        + what
        + "' ("
        + state.keys().size()
        + " entries; `kiln status` lists them); name it as origin/name [VAR=value...]";
  }

  private static String describe(StageState state, String what) {
    List<EntryKey> keys = matching(state, what);
    if (keys.isEmpty()) {
      return "the stage has no such plan";
    }
    return keys.stream()
        .map(k -> k + " is " + state.entry(k).status().id())
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }
}
