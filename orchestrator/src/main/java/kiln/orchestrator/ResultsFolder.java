package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.world.IoFailures;

/**
 * A stage's {@code results-stageN/} as the ledger has it: exactly one artifact per built entry.
 * Another {@code .hart} there (one published by a build that kiln was killed before recording, or
 * the earlier artifact of an entry built again) would be installed by the next stage and scanned by
 * its checks as if it were the stage's own, so it is moved to {@code <work>/superseded/<stage>/},
 * never deleted: a person may want to look at it.
 */
final class ResultsFolder {

  private ResultsFolder() {}

  /**
   * The artifacts the ledger records as built for the stage's entries, in stage order, each checked
   * to have the content it was built with: they are about to be installed by the next stage.
   *
   * @throws StageException naming every artifact that is missing or damaged, and what to do
   */
  static List<Path> builtArtifacts(StageState state, ArtifactHashes hashes) throws StageException {
    List<Path> artifacts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (EntryKey key : state.keys()) {
      EntryState entry = state.entry(key);
      if (entry.status() != EntryStatus.BUILT) {
        continue;
      }
      Path artifact = entry.artifact().path();
      try {
        hashes
            .problem(entry.artifact())
            .ifPresent(p -> problems.add(artifact + " (" + key + ") " + p));
      } catch (IOException e) {
        problems.add(IoFailures.message(artifact + " (" + key + ") cannot be read", e));
      }
      artifacts.add(artifact);
    }
    hashes.save();
    if (!problems.isEmpty()) {
      StageName stage = state.stage();
      throw new StageException(
          stage
              + " hands over artifacts that are not as they were built:\n  "
              + String.join("\n  ", problems)
              + "\nrun `kiln bootstrap --from "
              + stage
              + "` (or without --only): "
              + stage
              + " builds them again, then the stages after it run");
    }
    return artifacts;
  }

  /**
   * Moves every artifact in {@code results} that is not a built entry's out of the way.
   *
   * @param superseded where they go
   * @param notes where each move is told
   * @return the files moved, at their new places
   */
  static List<Path> tidy(StageState state, Path results, Path superseded, Progress notes)
      throws StageException {
    Set<Path> recorded = new HashSet<>();
    for (EntryKey key : state.keys()) {
      EntryState entry = state.entry(key);
      if (entry.status() == EntryStatus.BUILT) {
        recorded.add(entry.artifact().path().toAbsolutePath().normalize());
      }
    }
    List<Path> strays;
    try (Stream<Path> files = Files.list(results)) {
      strays =
          files
              .filter(f -> f.getFileName().toString().endsWith(".hart"))
              .filter(f -> !recorded.contains(f.toAbsolutePath().normalize()))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new StageException(IoFailures.message("cannot list " + results, e), e);
    }
    List<Path> moved = new java.util.ArrayList<>();
    for (Path stray : strays) {
      try {
        Files.createDirectories(superseded);
        Path to = free(superseded.resolve(stray.getFileName()));
        Files.move(stray, to, StandardCopyOption.ATOMIC_MOVE);
        moved.add(to);
        notes.note(
            state.stage()
                + ": moved "
                + stray
                + " to "
                + to
                + ": the ledger records no built entry with this artifact (superseded, or"
                + " published by a build kiln did not record)");
      } catch (IOException e) {
        throw new StageException(
            IoFailures.message(
                "cannot move " + stray + ", which the ledger does not record, out of the way", e),
            e);
      }
    }
    return moved;
  }

  private static Path free(Path wanted) {
    Path path = wanted;
    for (int n = 1; Files.exists(path); n++) {
      path = wanted.resolveSibling(wanted.getFileName() + "." + n);
    }
    return path;
  }
}
