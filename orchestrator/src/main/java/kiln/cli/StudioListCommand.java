package kiln.cli;

import java.util.concurrent.Callable;
import kiln.stages.studio.StudioInventory.LeftStudio;
import kiln.stages.studio.StudioInventory.StudioImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kiln studio list}: kiln's containers and studio images on each engine. */
@Command(
    name = "list",
    description =
        "List kiln's studio containers (with their owner run) and studio images, on each build"
            + " host of kiln.yaml. Exit code 1 when a host does not answer.",
    mixinStandardHelpOptions = true)
final class StudioListCommand implements Callable<Integer> {

  @Mixin EngineOptions engines = new EngineOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (StudioEngines each = engines.open()) {
      return each.forEach(
          (inventory, name) -> {
            String where = each.label(name);
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
          },
          spec.commandLine().getErr(),
          "its studios are not listed");
    }
  }
}
