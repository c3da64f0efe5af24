package kiln.orchestrator.inputs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunState;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.stages.build.BuildProgram;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * Makes a stage's {@link PlanInputs} from the run as the ledger has it: the studio (the tools
 * tarball for stage1, the backline as the stage before built it after that) and the stage before's
 * current artifacts.
 */
public final class StageInputsFactory {

  private final Path folder;
  private final List<PackageIdent> backline;
  private final FileDigests digests;

  /**
   * @param folder the folder plan paths are relative to (kiln.yaml's)
   * @param backline the packages that make up a studio's /bin after stage1
   * @param digests the file digest cache
   */
  public StageInputsFactory(Path folder, List<PackageIdent> backline, FileDigests digests) {
    this.folder = folder;
    this.backline = List.copyOf(backline);
    this.digests = digests;
  }

  /**
   * The inputs of the entries of {@code stage}.
   *
   * @param tools for stage1: the tools tarball, when it is there
   * @param run the run as recorded
   * @param declared per entry, the origin/name of each dependency its plan declares
   * @param rebuiltBefore for a dry run: the packages of the stages before that will be built again
   * @throws IOException when the tools tarball cannot be read
   */
  public EntryInputs forStage(
      StageName stage,
      Optional<Path> tools,
      RunState run,
      Map<EntryKey, Set<PackageIdent>> declared,
      Set<PackageIdent> rebuiltBefore)
      throws IOException {
    if (stage == StageName.STAGE0) {
      return EntryInputs.NONE;
    }
    Map<PackageIdent, String> before = new HashMap<>();
    for (StageName earlier : stagesBefore(stage)) {
      current(run.stage(earlier), before);
    }
    rebuiltBefore.forEach(p -> before.put(p.originAndName(), PlanInputs.REBUILT));
    Map<String, String> studio = new TreeMap<>();
    if (stage == StageName.STAGE1) {
      if (tools.isPresent()) {
        try {
          studio.put("studio:tools", digests.sha256(tools.get()));
        } catch (IOException e) {
          throw new IOException(
              IoFailures.message("cannot read the tools tarball " + tools.get(), e), e);
        }
      }
    } else {
      for (PackageIdent p : backline) {
        String sha = before.get(p.originAndName());
        if (sha != null) {
          studio.put("studio:" + p.originAndName(), sha);
        }
      }
    }
    return new PlanInputs(folder, digests, studio, before, declared, BuildProgram.version());
  }

  /** The stages whose artifacts a stage's studios install, in the order they are installed. */
  static List<StageName> stagesBefore(StageName stage) {
    return switch (stage) {
      case STAGE0, STAGE1 -> List.of();
      case STAGE2 -> List.of(StageName.STAGE1);
      case STAGE3 -> List.of(StageName.STAGE2);
      case COMPARE -> List.of(StageName.STAGE2, StageName.STAGE3);
    };
  }

  /**
   * Each package's current artifact in a stage: the last built entry of it in the stage's order.
   */
  private static void current(StageState state, Map<PackageIdent, String> into) {
    List<EntryKey> keys =
        state.work().map(w -> w.entries().stream().map(StageEntry::key).toList()).orElse(List.of());
    for (EntryKey key : keys) {
      if (state.entry(key).status() == EntryStatus.BUILT) {
        into.put(key.ident().originAndName(), state.entry(key).artifact().sha256());
      }
    }
  }
}
