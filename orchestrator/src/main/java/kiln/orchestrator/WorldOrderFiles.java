package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageState;
import kiln.resume.StageWork;

/**
 * The Habitat bootstrap guide's {@code stage3_world_order} (every world plan's folder in build
 * order) and {@code stage3_world_order.working} (the same without the plans set aside), so that
 * {@code diff -u stage3_world_order stage3_world_order.working} shows what was set aside.
 */
public final class WorldOrderFiles {

  public static final String MASTER = "stage3_world_order";
  public static final String WORKING = MASTER + ".working";

  private WorldOrderFiles() {}

  /** Writes both files into {@code folder}, each replaced whole. */
  public static void write(Path folder, StageWork world, StageState state) throws IOException {
    StringBuilder master = new StringBuilder();
    StringBuilder working = new StringBuilder();
    for (StageEntry entry : world.entries()) {
      master.append(entry.plan()).append('\n');
      EntryStatus status = state.entry(entry.key()).status();
      if (!status.isFailure() && status != EntryStatus.SKIPPED) {
        working.append(entry.plan()).append('\n');
      }
    }
    replace(folder.resolve(MASTER), master.toString());
    replace(folder.resolve(WORKING), working.toString());
  }

  private static void replace(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temp, text);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
