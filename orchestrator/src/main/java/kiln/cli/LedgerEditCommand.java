package kiln.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.orchestrator.RunSession;
import kiln.resume.EntryKey;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code kiln skip} and {@code kiln retry} share: a plan named as {@code origin/name
 * [VAR=value...]} in a stage, one change to the current run's ledger, and what it changed.
 */
abstract class LedgerEditCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IDENT", description = "origin/name of the plan.")
  String ident;

  @Parameters(
      index = "1..*",
      paramLabel = "VAR=value",
      description = "Only the entry with these settings.")
  List<String> args;

  @Option(
      names = "--stage",
      converter = StageConverter.class,
      paramLabel = "STAGE",
      description = "The stage (default: stage3, the world).")
  StageName stage;

  @Mixin WorkDirOptions where = new WorkDirOptions();

  @Spec CommandSpec spec;

  /**
   * Records the change.
   *
   * @param entry the plan as named, with its settings
   * @return the entries changed, the named ones first
   */
  abstract List<EntryKey> change(RunJournal journal, StageName stage, String entry)
      throws JournalException;

  /** Tells what changed: one line per entry on {@code out}, a summary on {@code err}. */
  abstract void report(List<EntryKey> changed, StageName stage, PrintWriter out, PrintWriter err);

  @Override
  public Integer call() throws Exception {
    StageName s = stage == null ? StageName.STAGE3 : stage;
    String entry = args == null || args.isEmpty() ? ident : ident + " " + String.join(" ", args);
    PrintWriter err = spec.commandLine().getErr();
    List<EntryKey> changed = edit(where, err, journal -> change(journal, s, entry));
    report(changed, s, spec.commandLine().getOut(), err);
    return 0;
  }

  /** One change to the current run's ledger. */
  interface Edit {
    List<EntryKey> apply(RunJournal journal) throws JournalException;
  }

  /** Opens the current run (taking the lock), makes the change, and closes it. */
  static List<EntryKey> edit(WorkDirOptions where, PrintWriter err, Edit edit) throws Exception {
    try (RunSession session =
        RunSession.open(
            where.workDir(),
            RunSession.Choice.current(),
            Clock.systemUTC(),
            note -> err.println("kiln: note: " + note))) {
      return edit.apply(session.journal());
    }
  }
}
