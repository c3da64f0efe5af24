import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.DurationText;
import kiln.orchestrator.progress.RunSummary;
import kiln.orchestrator.progress.StageWatch;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;

/**
 * How the progress display's ETA would have read during a recorded run: replays the attempts of
 * one stage of run AFTER, in the order they started and ended, through StageWatch with the build
 * history of run BEFORE alone (what kiln knew when AFTER started), and prints at each build's end
 * the ETA against the time the stage actually still took.
 *
 * <p>Usage: java -cp ... EtaReplay WORK_DIR BEFORE AFTER STAGE BUILDERS
 */
public class EtaReplay {

  record Event(Instant at, EntryKey key, boolean start, EntryStatus how) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    RunState before = RunJournal.read(work, args[1]);
    RunState after = RunJournal.read(work, args[2]);
    StageName stage = StageName.parse(args[3]);
    int builders = Integer.parseInt(args[4]);
    BuildHistory history = BuildHistory.of(List.of(before));
    StageState state = after.stage(stage);
    List<Event> events = new ArrayList<>();
    for (EntryKey key : state.planSet()) {
      for (Attempt a : state.entry(key).attempts()) {
        events.add(new Event(a.started(), key, true, null));
        a.endedIfKnown()
            .ifPresent(
                end ->
                    events.add(
                        new Event(
                            end,
                            key,
                            false,
                            a.outcome() == Attempt.Outcome.BUILT
                                ? EntryStatus.BUILT
                                : EntryStatus.FAILED)));
      }
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(e -> e.start()));
    Instant first = events.get(0).at();
    Instant last = events.stream().map(Event::at).max(Comparator.naturalOrder()).orElseThrow();
    StageWatch watch =
        new StageWatch(state.work().orElseThrow(), Map.of(), builders, history, first);
    System.out.printf(
        "%s of run %s, history of run %s, %d builders; took %s by its ledger (%s)%n%n",
        stage,
        after.runId(),
        before.runId(),
        builders,
        DurationText.words(Duration.between(first, last)),
        RunSummary.wallTime(state).map(DurationText::words).orElse("?"));
    System.out.println("| at | event | ETA shown | actually left | ETA / left |");
    System.out.println("|---|---|---|---|---|");
    row(watch, first, first, last, "start");
    for (Event e : events) {
      if (e.start()) {
        watch.started(e.key(), e.at());
      } else {
        watch.finished(e.key(), e.how(), e.at());
        row(watch, first, e.at(), last, e.key() + " " + e.how().id());
      }
    }
  }

  static void row(StageWatch watch, Instant first, Instant at, Instant last, String what) {
    Duration left = Duration.between(at, last);
    var eta = watch.eta(at);
    System.out.printf(
        "| %s | %s | %s | %s | %s |%n",
        DurationText.words(Duration.between(first, at)),
        what,
        eta.map(DurationText::words).orElse("-"),
        DurationText.words(left),
        eta.isPresent() && !left.isZero()
            ? String.format("%.2f", eta.get().toMillis() / (double) left.toMillis())
            : "-");
  }
}
