package kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.farm.EngineLinks;
import kiln.orchestrator.farm.HostCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln hosts}: each build host of kiln.yaml, whether its engine answers, its version. */
@Command(
    name = "hosts",
    description =
        "Show each build host of kiln.yaml's hosts: whether its Docker engine answers, its"
            + " version, jobs and speed. Exit code 1 when one does not answer.",
    mixinStandardHelpOptions = true)
final class HostsCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The distribution's kiln.yaml; default: ./kiln.yaml.")
  Path config;

  @Option(names = "--json", description = "One JSON document instead of lines.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    KilnConfig kiln =
        ConfigLoader.load(
            WorkDirOptions.configFile(config, "--config FILE with your distribution's kiln.yaml"));
    List<HostCheck> checks;
    try (EngineLinks links = new EngineLinks(kiln.work().resolve("tunnels"))) {
      checks = HostCheck.of(kiln.hosts(), links);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(asJson(checks));
    } else if (checks.isEmpty()) {
      out.println(
          "no build hosts in " + kiln.file() + ": builds run in the local studio (key 'studio')");
    } else {
      for (HostCheck check : checks) {
        out.println(
            String.format(
                Locale.ROOT,
                "%s %s %s jobs=%d speed=%s %s",
                check.host().name(),
                check.state(),
                check.version().map(v -> "docker " + v).orElse("-"),
                check.host().jobs(),
                speed(check.host().speed()),
                check.host().endpoint().address()));
        check.problem().ifPresent(p -> out.println("  " + p));
      }
    }
    return checks.stream().allMatch(c -> c.problem().isEmpty()) ? 0 : 1;
  }

  private static String speed(double speed) {
    return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
  }

  private static String asJson(List<HostCheck> checks) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode hosts = root.putArray("hosts");
    for (HostCheck check : checks) {
      ObjectNode host = hosts.addObject();
      host.put("name", check.host().name());
      host.put("endpoint", check.host().endpoint().address());
      host.put("state", check.state());
      check.version().ifPresent(v -> host.put("version", v));
      check.problem().ifPresent(p -> host.put("problem", p));
      host.put("jobs", check.host().jobs());
      host.put("speed", check.host().speed());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
