package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.config.ConfigException;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.farm.EngineLinks;
import kiln.orchestrator.farm.HostInventory;
import kiln.orchestrator.farm.HostSpec;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioInventory;
import kiln.stages.studio.choice.StudioChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which engines {@code kiln studio list} and {@code rm} act on: the build hosts of kiln.yaml
 * (--config, else ./kiln.yaml; --host picks one), or the engines --engine names, or the one
 * DOCKER_HOST names when there are neither.
 */
final class EngineOptions {

  @Option(
      names = "--engine",
      paramLabel = "ENDPOINT",
      description =
          "A Docker engine (unix:///PATH or tcp://HOST:PORT); repeat for several; kiln.yaml's"
              + " hosts are then left aside. Default: kiln.yaml's build hosts, else the engine"
              + " DOCKER_HOST names.")
  List<String> engines = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The distribution's kiln.yaml, whose build hosts to act on; default: ./kiln.yaml.")
  Path config;

  @Option(names = "--host", paramLabel = "NAME", description = "Only this build host of kiln.yaml.")
  String host;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The engines to act on, open until the result is closed. */
  StudioEngines open() throws StudioException, ConfigException {
    if (!engines.isEmpty()) {
      if (config != null || host != null) {
        throw new ParameterException(
            command.commandLine(),
            "--engine names the engines itself: give it, or --config and --host, not both");
      }
      return byAddress(StudioChoice.inventories(engines));
    }
    Path file = config != null ? config : WorkDirOptions.DEFAULT_CONFIG;
    KilnConfig kiln = config != null || Files.exists(file) ? ConfigLoader.load(file) : null;
    if (kiln == null || kiln.hosts().isEmpty()) {
      if (host != null) {
        throw kiln == null
            ? new ConfigException(
                file.toAbsolutePath(),
                List.of("no such file: --host picks a build host of kiln.yaml; pass --config FILE"))
            : new ConfigException(
                kiln.file(), List.of("no build hosts ('hosts') to pick --host " + host + " from"));
      }
      return byAddress(StudioChoice.inventories(List.of()));
    }
    EngineLinks links = new EngineLinks(kiln.work().resolve("tunnels"));
    return new StudioEngines(HostInventory.of(picked(kiln), links), "host", links);
  }

  private List<HostSpec> picked(KilnConfig kiln) throws ConfigException {
    if (host == null) {
      return kiln.hosts();
    }
    List<HostSpec> named = kiln.hosts().stream().filter(h -> h.name().equals(host)).toList();
    if (named.isEmpty()) {
      throw new ConfigException(
          kiln.file(),
          List.of(
              "no build host "
                  + host
                  + "; its hosts: "
                  + String.join(", ", kiln.hosts().stream().map(HostSpec::name).toList())));
    }
    return named;
  }

  /** Engines named by address; their lines name them only when there are several. */
  private static StudioEngines byAddress(Map<String, StudioInventory> inventories) {
    List<HostInventory> each = new ArrayList<>();
    inventories.forEach(
        (address, inventory) -> each.add(new HostInventory.Reached(address, inventory)));
    return new StudioEngines(each, inventories.size() > 1 ? "engine" : "", null);
  }
}
