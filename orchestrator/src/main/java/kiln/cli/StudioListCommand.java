package kiln.cli;

import java.util.concurrent.Callable;
import kiln.stages.studio.docker.StudioInventory;
import kiln.stages.studio.docker.StudioInventory.KilnContainer;
import kiln.stages.studio.docker.StudioInventory.KilnImage;
import picocli.CommandLine.Command;

/** {@code kiln studio list}: kiln's containers and studio images on the engine. */
@Command(
    name = "list",
    description = "List kiln's studio containers (with their owner run) and studio images.",
    mixinStandardHelpOptions = true)
final class StudioListCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    StudioInventory inventory = StudioInventory.connect();
    for (KilnContainer c : inventory.containers()) {
      System.out.printf(
          "container %s %s run=%s pid=%s owner=%s work=%s%n",
          c.name(), c.state(), c.runId(), c.pid(), c.ownerDead() ? "gone" : "alive", c.workDir());
    }
    for (KilnImage i : inventory.images()) {
      System.out.printf(
          "image %s %s %.1fMB%n",
          i.tags().isEmpty() ? i.id() : String.join(",", i.tags()), i.kind(), i.size() / 1e6);
    }
    return 0;
  }
}
