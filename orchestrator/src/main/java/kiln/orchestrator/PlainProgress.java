package kiln.orchestrator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;

/**
 * Progress as plain lines, for logs and pipes: one line per event, the counts in front, and the
 * tail of each failed build's log.
 */
public class PlainProgress implements Progress {

  /** How many lines of a failed build's log to show. */
  static final int TAIL = 20;

  protected final PrintWriter out;
  protected final Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
  protected int total;
  private final Map<EntryKey, String> hosts = new java.util.HashMap<>();

  public PlainProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void stageStarted(StageName stage, int total, int done) {
    this.total = total;
    counts.clear();
    counts.put(EntryStatus.BUILT, done);
    line(stage + ": " + total + " plan(s), " + done + " already built or set aside");
  }

  @Override
  public synchronized void buildPlaced(StageName stage, EntryKey key, String host) {
    hosts.put(key, host);
  }

  @Override
  public synchronized void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    String on = hosts.containsKey(key) ? " on " + hosts.remove(key) : "";
    line(
        prefix(stage) + "building " + key + on + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
  }

  @Override
  public synchronized void buildCutOff(StageName stage, EntryKey key, String why) {
    line(prefix(stage) + "queued " + key + " again: " + why);
  }

  @Override
  public synchronized void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {
    counts.merge(status, 1, Integer::sum);
    if (status == EntryStatus.BUILT) {
      line(prefix(stage) + "built " + key);
      return;
    }
    StringBuilder text = new StringBuilder(prefix(stage));
    text.append(status == EntryStatus.FAILED ? "FAILED " : "TIMED OUT ").append(key);
    text.append(": ").append(why).append("\n  log: ").append(log);
    for (String line : LogTail.of(log, TAIL)) {
      text.append("\n  | ").append(line);
    }
    line(text.toString());
  }

  @Override
  public synchronized void skipped(StageName stage, EntryKey key, String reason) {
    counts.merge(EntryStatus.SKIPPED, 1, Integer::sum);
    line(prefix(stage) + "skipped " + key + ": " + reason);
  }

  @Override
  public synchronized void artifactGone(StageName stage, EntryKey key, Path artifact) {
    line(stage + ": " + artifact + " is missing or changed; " + key + " will be built again");
  }

  @Override
  public synchronized void note(String text) {
    line(text);
  }

  @Override
  public synchronized void stageFinished(StageResult result) {
    line(
        String.format(
            "%s: %d built, %d failed, %d skipped, %d timed out, %d pending",
            result.stage(),
            result.count(EntryStatus.BUILT),
            result.count(EntryStatus.FAILED),
            result.count(EntryStatus.SKIPPED),
            result.count(EntryStatus.TIMED_OUT),
            result.count(EntryStatus.QUEUED)));
  }

  /** {@code [stage3 12/40] }: entries finished so far of the stage's total. */
  protected String prefix(StageName stage) {
    int finished = counts.values().stream().mapToInt(Integer::intValue).sum();
    return "[" + stage + " " + finished + "/" + total + "] ";
  }

  /** Prints one event. */
  protected void line(String text) {
    out.println(text);
    out.flush();
  }
}
