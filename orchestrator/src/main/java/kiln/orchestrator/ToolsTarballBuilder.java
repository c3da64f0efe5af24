package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;

/**
 * Stage 0 as a one-entry stage, so the tarball is recorded, resumed and logged like any build:
 * {@code <origin>/tools-tarball}, made from the config's toolchain spec.
 */
final class ToolsTarballBuilder implements EntryBuilder {

  private final KilnConfig config;
  private final PipelineParts.ToolsTarballMaker maker;

  ToolsTarballBuilder(KilnConfig config, PipelineParts.ToolsTarballMaker maker) {
    this.config = config;
    this.maker = maker;
  }

  static EntryKey key(KilnConfig config) {
    return EntryKey.of(PackageIdent.of(config.origin(), "tools-tarball"));
  }

  static StageWork work(KilnConfig config) {
    String spec = config.toolchain().map(Path::toString).orElse("tools-tarball");
    return new StageWork(StageName.STAGE0, List.of(StageEntry.of(key(config), spec)), true);
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws InterruptedException {
    try {
      return BuildOutcome.built(maker.make(config, log));
    } catch (StageException e) {
      try {
        Files.writeString(
            log,
            "kiln: " + e.getMessage() + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException ignored) {
        // the failure is recorded in the ledger all the same
      }
      return BuildOutcome.failed(e.getMessage());
    }
  }
}
