package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartInfo;
import kiln.world.PackageIdent;

/**
 * Checks that every stage's result set is consistent, for tests of runs that rebuild: each built
 * entry was built from the artifacts that are current now (its recorded {@code dep:} inputs), each
 * results folder holds exactly the built artifacts, and, for real artifacts, every package an
 * artifact's TDEPS and BUILD_TDEPS name is an artifact of its stage's results or of the stages
 * before.
 */
public final class ResultSets {

  private ResultSets() {}

  /**
   * The ledger's view: every built entry's recorded dependencies are the current artifacts, and
   * each results folder ({@code results.get(stage)}) holds exactly the stage's built artifacts.
   */
  public static void assertLedgerConsistent(Path work, Map<StageName, Path> results)
      throws Exception {
    RunState run = RunJournal.read(work).orElseThrow();
    List<String> problems = new ArrayList<>();
    for (StageName stage : StageName.values()) {
      StageState state = run.stage(stage);
      if (state.work().isEmpty() || stage == StageName.STAGE0) {
        continue;
      }
      Map<String, String> earlier = currentBefore(run, stage);
      Map<String, String> current = new HashMap<>(earlier);
      for (StageEntry entry : state.work().get().entries()) {
        EntryState s = state.entry(entry.key());
        if (s.status() == EntryStatus.BUILT) {
          current.put(entry.key().toString(), s.artifact().sha256());
          current.put(entry.key().ident().originAndName().toString(), s.artifact().sha256());
        }
      }
      Set<Path> built = new TreeSet<>();
      for (StageEntry entry : state.work().get().entries()) {
        EntryState s = state.entry(entry.key());
        if (s.status() != EntryStatus.BUILT) {
          continue;
        }
        built.add(s.artifact().path().toAbsolutePath().normalize());
        if (!s.artifact().stillMatches()) {
          problems.add(stage + " " + entry.key() + ": its artifact is gone or changed");
        }
        s.inputsIfRecorded()
            .ifPresent(
                inputs ->
                    inputs
                        .parts()
                        .forEach(
                            (part, sha) -> {
                              if (!part.startsWith("dep:")) {
                                return;
                              }
                              String dep = part.substring(4);
                              // a package's dependency on its own name is on an earlier stage's
                              // (stage2's bash is built with stage1's)
                              boolean own =
                                  dep.equals(entry.key().ident().originAndName().toString());
                              if (!sha.equals((own ? earlier : current).get(dep))) {
                                problems.add(
                                    stage
                                        + " "
                                        + entry.key()
                                        + " was built from "
                                        + dep
                                        + " "
                                        + sha
                                        + ", which is not current");
                              }
                            }));
      }
      if (results.containsKey(stage)) {
        assertEquals(built, harts(results.get(stage)), stage + ": the results folder");
      }
    }
    if (!problems.isEmpty()) {
      fail("inconsistent result sets:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * The artifacts' view: every package a .hart in {@code results} names in its TDEPS or BUILD_TDEPS
   * is a .hart of {@code results} or of one of {@code before}.
   */
  public static void assertHartsConsistent(Path results, Path... before) throws Exception {
    Set<PackageIdent> present = new java.util.HashSet<>();
    List<Path> folders = new ArrayList<>(List.of(before));
    folders.add(results);
    for (Path folder : folders) {
      for (Path hart : harts(folder)) {
        present.add(Hart.open(hart).info().ident());
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path hart : harts(results)) {
      HartInfo info = Hart.open(hart).info();
      List<PackageIdent> named = new ArrayList<>(info.tdeps());
      named.addAll(info.buildTdeps());
      for (PackageIdent dep : named) {
        if (!present.contains(dep)) {
          problems.add(hart.getFileName() + " names " + dep + ", which is not in " + folders);
        }
      }
    }
    if (!problems.isEmpty()) {
      fail("inconsistent result set " + results + ":\n  " + String.join("\n  ", problems));
    }
  }

  /** Each package's current artifact in the stages a stage's studios install. */
  private static Map<String, String> currentBefore(RunState run, StageName stage) {
    Map<String, String> current = new HashMap<>();
    List<StageName> before =
        switch (stage) {
          case STAGE0, STAGE1 -> List.of();
          case STAGE2 -> List.of(StageName.STAGE1);
          case STAGE3 -> List.of(StageName.STAGE2);
          case COMPARE -> List.of(StageName.STAGE2, StageName.STAGE3);
        };
    for (StageName earlier : before) {
      StageState state = run.stage(earlier);
      for (EntryKey key : state.work().map(w -> w.keys()).orElse(List.of())) {
        if (state.entry(key).status() == EntryStatus.BUILT) {
          current.put(key.ident().originAndName().toString(), state.entry(key).artifact().sha256());
        }
      }
    }
    return current;
  }

  private static Set<Path> harts(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return new TreeSet<>(
          files
              .filter(f -> f.getFileName().toString().endsWith(".hart"))
              .map(f -> f.toAbsolutePath().normalize())
              .toList());
    }
  }
}
