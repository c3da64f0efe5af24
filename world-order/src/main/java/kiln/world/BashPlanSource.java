package kiln.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads plans exactly, by sourcing them with bash as core-plans' print-deps does: ONE bash process
 * for the whole set, each plan in its own subshell with its directory as working directory, inside
 * a sandbox without network (and a read-only file system when bubblewrap is there). A plan that
 * prints nothing for {@link #PER_PLAN} is killed with its bash, reported as unreadable, and a new
 * bash carries on with the plans after it.
 */
public final class BashPlanSource implements PlanSource {

  static final Duration PER_PLAN = Duration.ofSeconds(10);
  static final String MARK = "\u0001kiln ";

  private final Consumer<String> notes;
  private final Duration perPlan;
  private List<String> sandbox;
  // Finds the lines of what bash reports; shares parsed sourced files across plans.
  private final PlanReader statics = new PlanReader();

  /** A bash reader that tells {@code notes} how plans are isolated. */
  public BashPlanSource(Consumer<String> notes) {
    this(notes, PER_PLAN);
  }

  BashPlanSource(Consumer<String> notes, Duration perPlan) {
    this.notes = notes;
    this.perPlan = perPlan;
  }

  @Override
  public List<PlanOutcome> readAll(List<Path> planFiles, EvalContext context) {
    if (sandbox == null) {
      sandbox = Sandbox.choose(notes);
    }
    Map<Integer, PlanOutcome> results = new HashMap<>();
    int from = 0;
    while (from < planFiles.size()) {
      from = run(planFiles, from, context, results);
    }
    List<PlanOutcome> out = new ArrayList<>(planFiles.size());
    for (int i = 0; i < planFiles.size(); i++) {
      out.add(results.get(i));
    }
    return out;
  }

  /** Runs one bash over the plans from {@code from}; returns where the next bash must start. */
  private int run(
      List<Path> files, int from, EvalContext context, Map<Integer, PlanOutcome> results) {
    List<String> command = new ArrayList<>(sandbox);
    command.addAll(List.of("bash", "--noprofile", "--norc", "-s"));
    Process bash;
    try {
      bash = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      for (int i = from; i < files.size(); i++) {
        results.put(i, failure(files.get(i), IoFailures.message("cannot start bash", e)));
      }
      return files.size();
    }
    String script = BashScript.of(files.subList(from, files.size()), from, context);
    Thread writer = new Thread(() -> write(bash.getOutputStream(), script), "kiln-bash-stdin");
    writer.setDaemon(true);
    writer.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> pump(bash, lines), "kiln-bash-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return collect(files, from, lines, results, context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return files.size();
    } finally {
      bash.destroyForcibly();
    }
  }

  private int collect(
      List<Path> files,
      int from,
      BlockingQueue<String> lines,
      Map<Integer, PlanOutcome> results,
      EvalContext context)
      throws InterruptedException {
    BashResult current = null;
    while (true) {
      String line = lines.poll(perPlan.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || line.equals(EOF)) {
        int stuck = current != null ? current.index : firstMissing(results, from, files.size());
        if (stuck >= files.size()) {
          return files.size();
        }
        String why =
            line == null
                ? "sourcing it took longer than " + perPlan.toSeconds() + " s"
                : "bash stopped while sourcing it";
        results.put(stuck, failure(files.get(stuck), why));
        return stuck + 1;
      }
      int mark = line.indexOf(MARK);
      if (mark != 0 && current != null) {
        current.said(mark < 0 ? line : line.substring(0, mark));
      }
      if (mark < 0) {
        continue;
      }
      String[] parts = line.substring(mark + MARK.length()).split(" ", 2);
      String value = parts.length > 1 ? parts[1] : "";
      if (parts[0].equals("begin")) {
        current = new BashResult(Integer.parseInt(value), files.get(Integer.parseInt(value)));
      } else if (parts[0].equals("end") && current != null) {
        results.put(current.index, current.outcome(context, statics));
        current = null;
      } else if (current != null) {
        current.add(parts[0], value);
      }
    }
  }

  private static int firstMissing(Map<Integer, PlanOutcome> results, int from, int size) {
    int i = from;
    while (i < size && results.containsKey(i)) {
      i++;
    }
    return i;
  }

  private static final String EOF = "\u0000eof";

  private static void pump(Process bash, BlockingQueue<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The process was killed: the collector reports the plan it was on.
    }
    lines.add(EOF);
  }

  private static void write(OutputStream stdin, String script) {
    try (stdin) {
      stdin.write(script.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // bash died early; the collector reports why.
    }
  }

  static PlanOutcome failure(Path file, String why) {
    return PlanOutcome.unreadable(file, new Diagnostic(new SourceLocation(file, 0), why));
  }
}
