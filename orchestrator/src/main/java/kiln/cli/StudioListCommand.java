package kiln.cli;

import java.util.concurrent.Callable;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.StudioInventory.LeftStudio;
import kiln.stages.studio.StudioInventory.StudioImage;
import kiln.stages.studio.choice.StudioChoice;
import picocli.CommandLine.Command;

/** {@code kiln studio list}: kiln's containers and studio images on the engine. */
@Command(
    name = "list",
    description = "List kiln's studio containers (with their owner run) and studio images.",
    mixinStandardHelpOptions = true)
final class StudioListCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    StudioInventory inventory = StudioChoice.inventory();
    for (LeftStudio c : inventory.studios()) {
      System.out.printf(
          "container %s %s run=%s pid=%s owner=%s work=%s%n",
          c.name(), c.state(), c.runId(), c.pid(), c.ownerGone() ? "gone" : "alive", c.workDir());
    }
    for (StudioImage i : inventory.images()) {
      System.out.printf(
          "image %s %s %.1fMB%n",
          i.tags().isEmpty() ? i.id() : String.join(",", i.tags()), i.kind(), i.size() / 1e6);
    }
    return 0;
  }
}
