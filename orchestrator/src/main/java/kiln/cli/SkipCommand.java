package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import kiln.orchestrator.Interventions;
import kiln.resume.EntryKey;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import picocli.CommandLine.Command;

/** {@code kiln skip IDENT}: sets a plan and its dependents aside until {@code kiln retry}. */
@Command(
    name = "skip",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description = "Sets a plan and every plan that depends on it aside (reason: by the user).")
final class SkipCommand extends LedgerEditCommand {

  @Override
  List<EntryKey> change(RunJournal journal, StageName stage, String entry) throws JournalException {
    return Interventions.skip(journal, stage, entry);
  }

  @Override
  void report(List<EntryKey> aside, StageName stage, PrintWriter out, PrintWriter err) {
    for (int i = 0; i < aside.size(); i++) {
      out.println((i == 0 ? "skipped " : "skipped (depends on it) ") + aside.get(i));
    }
    err.println(
        "kiln: "
            + aside.size()
            + " plan(s) of "
            + stage
            + " set aside; `kiln retry "
            + ident
            + "` undoes it");
  }
}
