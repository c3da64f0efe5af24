package kiln.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.StudioInventory.LeftStudio;
import kiln.stages.studio.StudioInventory.StudioImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiln studio list}: kiln's containers and studio images on the engine. */
@Command(
    name = "list",
    description = "List kiln's studio containers (with their owner run) and studio images.",
    mixinStandardHelpOptions = true)
final class StudioListCommand implements Callable<Integer> {

  @Mixin EngineOptions engines = new EngineOptions();

  @Override
  public Integer call() throws Exception {
    Map<String, StudioInventory> inventories = engines.inventories();
    for (Map.Entry<String, StudioInventory> engine : inventories.entrySet()) {
      // One engine: the lines as they always were; several: each says where it is.
      String where = inventories.size() > 1 ? " engine=" + engine.getKey() : "";
      StudioInventory inventory = engine.getValue();
      for (LeftStudio c : inventory.studios()) {
        System.out.printf(
            "container %s %s run=%s pid=%s owner=%s work=%s%s%n",
            c.name(),
            c.state(),
            c.runId(),
            c.pid(),
            c.ownerGone() ? "gone" : "alive",
            c.workDir(),
            where);
      }
      for (StudioImage i : inventory.images()) {
        System.out.printf(
            "image %s %s %.1fMB%s%n",
            i.tags().isEmpty() ? i.id() : String.join(",", i.tags()),
            i.kind(),
            i.size() / 1e6,
            where);
      }
    }
    return 0;
  }
}
