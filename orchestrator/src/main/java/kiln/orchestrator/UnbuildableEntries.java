package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;

/**
 * A stage's builder that fails the entries its plan reading found unbuildable, with the reason in
 * their log, instead of starting a studio that could only fail later with less to say.
 */
final class UnbuildableEntries implements EntryBuilder {

  private final EntryBuilder builder;
  private final Map<EntryKey, List<String>> unbuildable;

  UnbuildableEntries(EntryBuilder builder, Map<EntryKey, List<String>> unbuildable) {
    this.builder = builder;
    this.unbuildable = unbuildable;
  }

  @Override
  public EntryBuilder on(String host) {
    return new UnbuildableEntries(builder.on(host), unbuildable);
  }

  @Override
  public BuildPlaces places(int jobs, boolean ordered) {
    return builder.places(jobs, ordered);
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws BuilderException, InterruptedException {
    List<String> why = unbuildable.get(entry.key());
    if (why == null) {
      return builder.build(stage, entry, log);
    }
    try {
      Files.createDirectories(log.getParent());
      Files.writeString( // appended: a before-build hook may have written to it
          log,
          "kiln: " + String.join("\nkiln: ", why) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new BuilderException("cannot write the build log " + log + ": " + e.getMessage(), e);
    }
    return BuildOutcome.failed(
        why.get(0) + (why.size() > 1 ? " (and " + (why.size() - 1) + " more in the log)" : ""));
  }
}
