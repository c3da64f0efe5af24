package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import kiln.orchestrator.Interventions;
import kiln.resume.EntryKey;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import picocli.CommandLine.Command;

/** {@code kiln retry IDENT}: queues a failed or skipped plan and the plans it blocked. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Puts a failed, timed-out or skipped plan and the plans it blocked back in the queue.")
final class RetryCommand extends LedgerEditCommand {

  @Override
  List<EntryKey> change(RunJournal journal, StageName stage, String entry) throws JournalException {
    return Interventions.retry(journal, stage, entry);
  }

  @Override
  void report(List<EntryKey> queued, StageName stage, PrintWriter out, PrintWriter err) {
    queued.forEach(k -> out.println("queued " + k));
    err.println(
        "kiln: "
            + queued.size()
            + " plan(s) of "
            + stage
            + " queued; `kiln bootstrap` builds them");
  }
}
