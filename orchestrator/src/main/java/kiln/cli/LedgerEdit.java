package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import kiln.resume.EntryKey;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.WorkDirLock;

/** Shared by skip and retry: lock the work dir, open its run, apply one change. */
final class LedgerEdit {

  interface Change {
    List<EntryKey> apply(RunJournal journal) throws JournalException;
  }

  private LedgerEdit() {}

  static List<EntryKey> apply(Path work, PrintWriter err, Change change) throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      if (!journal.recovery().clean()) {
        err.println("kiln: note: " + journal.recovery().describe(journal.file()));
      }
      return change.apply(journal);
    }
  }

  /** Joins an ident and its settings given as separate words. */
  static String entry(String ident, List<String> args) {
    return args == null || args.isEmpty() ? ident : ident + " " + String.join(" ", args);
  }

  static StageName stageOrWorld(StageName stage) {
    return stage == null ? StageName.STAGE3 : stage;
  }
}
