package kiln.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln studio rm}: removes what crashed kiln runs left, and optionally the images. */
@Command(
    name = "rm",
    description =
        "Remove the studio containers of kiln runs that are gone (never a running kiln's), and"
            + " with --images the studio images no container uses, on each build host of"
            + " kiln.yaml. Exit code 1 when a host does not answer.",
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Optional<Path> only = Optional.ofNullable(work).map(StudioRunCommand::workDir);
    try (StudioEngines each = engines.open()) {
      return each.forEach(
          (inventory, name) -> {
            String where = each.place(name);
            inventory
                .removeLeftovers(only)
                .forEach(c -> System.out.println("removed container " + c + where));
            if (images) {
              inventory
                  .removeUnusedImages()
                  .forEach(tag -> System.out.println("removed image " + tag + where));
            }
          },
          spec.commandLine().getErr(),
          "nothing was removed there");
    }
  }
}
