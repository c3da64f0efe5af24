package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import kiln.orchestrator.config.ConfigException;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.status.PlanTree;
import picocli.CommandLine.Option;

/** {@code --work DIR} or {@code --config FILE}: which work directory a command looks at. */
final class WorkDirOptions {

  /** The config kiln reads when none is named. */
  static final Path DEFAULT_CONFIG = Path.of("kiln.yaml");

  /**
   * The config used when none is named: {@code ./kiln.yaml}, else the bundled demo distribution
   * that the {@code kiln} launcher names in {@code KILN_DEMO_CONFIG}, so that a plain {@code kiln
   * bootstrap} in a fresh clone runs the demo.
   */
  static Path defaultConfig() {
    String demo = System.getenv("KILN_DEMO_CONFIG");
    if (Files.exists(DEFAULT_CONFIG) || demo == null || !Files.exists(Path.of(demo))) {
      return DEFAULT_CONFIG;
    }
    return Path.of(demo);
  }

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "The work directory (ledger, logs); default: the one kiln.yaml names.")
  Path work;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The distribution's kiln.yaml; default: ./kiln.yaml.")
  Path config;

  /**
   * Where the distribution's plans are, when a kiln.yaml is named or found: its folder (with only
   * --work given there is no tree to look at).
   */
  PlanTree planTree() throws ConfigException {
    if (work != null) {
      return PlanTree.UNKNOWN;
    }
    Path file = config != null ? config : defaultConfig();
    return Files.exists(file) ? PlanTree.under(ConfigLoader.load(file).folder()) : PlanTree.UNKNOWN;
  }

  /** The work directory asked for: --work, else the config's {@code work}. */
  Path workDir() throws ConfigException {
    if (work != null) {
      return work.toAbsolutePath().normalize();
    }
    Path file = config != null ? config : defaultConfig();
    if (config == null && !Files.exists(file)) {
      throw new ConfigException(
          file.toAbsolutePath(),
          java.util.List.of("no kiln.yaml here: give --config FILE or --work DIR"));
    }
    return ConfigLoader.load(file).work();
  }
}
