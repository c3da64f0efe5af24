package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.orchestrator.config.ConfigException;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.status.PlanTree;
import picocli.CommandLine.Option;

/** {@code --work DIR} or {@code --config FILE}: which work directory a command looks at. */
final class WorkDirOptions {

  /** The config kiln reads when none is named. */
  static final Path DEFAULT_CONFIG = Path.of("kiln.yaml");

  /**
   * The config a command reads: {@code given} (its --config), else {@code ./kiln.yaml}, else the
   * bundled demo distribution, which the {@code kiln} launcher names in {@code KILN_DEMO_CONFIG}
   * only when it runs inside its checkout: README's plain {@code kiln bootstrap} runs the demo
   * there, and nowhere else acts on it unasked.
   *
   * @param instead what the command accepts in place of a kiln.yaml, for the message
   * @throws ConfigException when there is none of them
   */
  static Path configFile(Path given, String instead) throws ConfigException {
    if (given != null) {
      return given;
    }
    if (Files.exists(DEFAULT_CONFIG)) {
      return DEFAULT_CONFIG;
    }
    String demo = System.getenv("KILN_DEMO_CONFIG");
    if (demo != null && Files.exists(Path.of(demo))) {
      return Path.of(demo);
    }
    throw new ConfigException(
        DEFAULT_CONFIG.toAbsolutePath(),
        List.of(
            "no kiln.yaml here: pass "
                + instead
                + "; the bundled demo runs only when kiln is started inside its checkout"));
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
    Path file =
        configFile(config, "--config FILE with your distribution's kiln.yaml, or --work DIR");
    return Files.exists(file) ? PlanTree.under(ConfigLoader.load(file).folder()) : PlanTree.UNKNOWN;
  }

  /**
   * How many builds a run of this work directory runs at once, as far as kiln can tell: the
   * config's {@code jobs}, or 1 with only --work given.
   */
  int jobs() throws ConfigException {
    if (work != null) {
      return 1;
    }
    return ConfigLoader.load(
            configFile(config, "--config FILE with your distribution's kiln.yaml, or --work DIR"))
        .jobs();
  }

  /** The work directory asked for: --work, else the config's {@code work}. */
  Path workDir() throws ConfigException {
    if (work != null) {
      return work.toAbsolutePath().normalize();
    }
    return ConfigLoader.load(
            configFile(config, "--config FILE with your distribution's kiln.yaml, or --work DIR"))
        .work();
  }
}
