package kiln.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.stages.studio.StudioInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln studio rm}: removes what crashed kiln runs left, and optionally the images. */
@Command(
    name = "rm",
    description =
        "Remove the studio containers of kiln runs that are gone (never a running kiln's), and"
            + " with --images the studio images no container uses.",
    mixinStandardHelpOptions = true)
final class StudioRmCommand implements Callable<Integer> {

  @Option(names = "--images", description = "Also remove kiln's unused studio images.")
  boolean images;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Only the leftovers of runs in this work directory.")
  Path work;

  @Mixin EngineOptions engines = new EngineOptions();

  @Override
  public Integer call() throws Exception {
    Map<String, StudioInventory> inventories = engines.inventories();
    for (Map.Entry<String, StudioInventory> engine : inventories.entrySet()) {
      String where = inventories.size() > 1 ? " on " + engine.getKey() : "";
      StudioInventory inventory = engine.getValue();
      List<String> containers =
          inventory.removeLeftovers(Optional.ofNullable(work).map(StudioRunCommand::workDir));
      containers.forEach(name -> System.out.println("removed container " + name + where));
      if (images) {
        inventory
            .removeUnusedImages()
            .forEach(tag -> System.out.println("removed image " + tag + where));
      }
    }
    return 0;
  }
}
