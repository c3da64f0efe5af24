package kiln.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.choice.StudioChoice;
import picocli.CommandLine.Option;

/** {@code --engine ENDPOINT}, repeatable, for {@code kiln studio list} and {@code rm}. */
final class EngineOptions {

  @Option(
      names = "--engine",
      paramLabel = "ENDPOINT",
      description =
          "A Docker engine (unix:///PATH or tcp://HOST:PORT); repeat for several."
              + " Default: the one DOCKER_HOST names.")
  List<String> engines = new ArrayList<>();

  /** The inventory of each engine named, in order. */
  Map<String, StudioInventory> inventories() throws StudioException {
    return StudioChoice.inventories(engines);
  }
}
