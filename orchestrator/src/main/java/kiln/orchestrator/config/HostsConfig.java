package kiln.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import kiln.orchestrator.config.ConfigLoader.Located;
import kiln.orchestrator.farm.HostEndpoint;
import kiln.orchestrator.farm.HostSpec;
import kiln.stages.studio.docker.EngineTls;

/**
 * Reads kiln.yaml's {@code hosts}: a list of build hosts, each a mapping of {@code endpoint},
 * {@code jobs}, {@code speed}, and optionally {@code name}, {@code tls} (tcp://) and {@code ssh}
 * (ssh://). Every problem is told with the item's line and key path ({@code hosts[2].speed}).
 */
final class HostsConfig {

  static final Set<String> HOST_KEYS = Set.of("name", "endpoint", "jobs", "speed", "tls", "ssh");
  static final Set<String> TLS_KEYS = Set.of("ca", "cert", "key");
  static final Set<String> SSH_KEYS = Set.of("identity", "known_hosts");

  private final Path folder;
  private final BiConsumer<Integer, String> problems;

  /**
   * @param folder the config file's folder: relative certificate paths are resolved there
   * @param problems takes each problem: its line and what is wrong
   */
  HostsConfig(Path folder, BiConsumer<Integer, String> problems) {
    this.folder = folder;
    this.problems = problems;
  }

  /** The hosts the key lists; empty when absent (builds run in the one local studio). */
  List<HostSpec> read(Located hosts) {
    if (hosts == null) {
      return List.of();
    }
    if (!hosts.value().isArray() || hosts.value().isEmpty()) {
      problems.accept(
          hosts.line(),
          "key 'hosts': want a list of build hosts, e.g. [{endpoint: unix:///run/e1.sock, jobs:"
              + " 2}] (or no 'hosts' key for the local studio)");
      return List.of();
    }
    List<HostSpec> specs = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    int i = 0;
    for (JsonNode item : hosts.value()) {
      int line = hosts.lineOf(item);
      String path = "hosts[" + i++ + "]";
      Optional<HostSpec> spec = host(item, line, path);
      if (spec.isPresent()) {
        Integer first = names.putIfAbsent(spec.get().name(), line);
        if (first != null) {
          problems.accept(
              line,
              "key '"
                  + path
                  + "': a second host named '"
                  + spec.get().name()
                  + "' (first on line "
                  + first
                  + "): give each a different 'name'");
        } else {
          specs.add(spec.get());
        }
      }
    }
    return specs;
  }

  private Optional<HostSpec> host(JsonNode item, int line, String path) {
    if (!item.isObject()) {
      problems.accept(
          line, "key '" + path + "': want a mapping with 'endpoint' (got " + item + ")");
      return Optional.empty();
    }
    int before = count;
    unknownKeys(item, HOST_KEYS, line, path);
    Optional<EngineTls> tls = tls(item.get("tls"), line, path + ".tls");
    HostEndpoint endpoint = null;
    JsonNode address = item.get("endpoint");
    if (item.has("tls") && tls.isEmpty()) {
      // told what is wrong with tls already; the endpoint would only say it lacks one
    } else if (address == null || !address.isTextual()) {
      say(line, path + ".endpoint", "missing: unix:///PATH, tcp://HOST:PORT or ssh://USER@HOST");
    } else {
      try {
        endpoint = HostEndpoint.parse(address.asText(), tls);
      } catch (IllegalArgumentException e) {
        say(line, path + ".endpoint", e.getMessage() + " (got " + address.asText() + ")");
      }
    }
    if (item.has("ssh") && endpoint != null) {
      if (endpoint instanceof HostEndpoint.Ssh ssh) {
        endpoint = ssh.withKeys(sshKeys(item.get("ssh"), line, path + ".ssh"));
      } else {
        say(line, path + ".ssh", "goes with ssh:// endpoints only, not " + endpoint.address());
      }
    }
    int jobs = whole(item.get("jobs"), line, path + ".jobs");
    double speed = speed(item.get("speed"), line, path + ".speed");
    String name = null;
    JsonNode named = item.get("name");
    if (named != null) {
      if (!named.isTextual() || !named.asText().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        say(line, path + ".name", "letters, digits, '.', '-' and '_' (got " + named + ")");
      } else {
        name = named.asText();
      }
    } else if (endpoint != null) {
      name = defaultName(endpoint);
    }
    if (count != before || endpoint == null || name == null) {
      return Optional.empty();
    }
    return Optional.of(new HostSpec(name, endpoint, jobs, speed));
  }

  /** A host's name when kiln.yaml gives none: its machine's name, or its socket's address. */
  static String defaultName(HostEndpoint endpoint) {
    if (endpoint instanceof HostEndpoint.Tcp tcp) {
      return tcp.host();
    }
    if (endpoint instanceof HostEndpoint.Ssh ssh) {
      return ssh.host();
    }
    return endpoint.address();
  }

  private Optional<EngineTls> tls(JsonNode tls, int line, String path) {
    if (tls == null) {
      return Optional.empty();
    }
    if (!tls.isObject()) {
      say(line, path, "want {ca: PATH, cert: PATH, key: PATH} (got " + tls + ")");
      return Optional.empty();
    }
    unknownKeys(tls, TLS_KEYS, line, path);
    List<Path> files = new ArrayList<>();
    for (String key : List.of("ca", "cert", "key")) {
      JsonNode value = tls.get(key);
      if (value == null || !value.isTextual()) {
        say(line, path + "." + key, "missing: the path of the " + key + " file (PEM)");
        continue;
      }
      Path file = folder.resolve(value.asText()).normalize();
      if (!Files.isRegularFile(file)) {
        say(line, path + "." + key, "no file " + file);
      }
      files.add(file);
    }
    return files.size() == 3
        ? Optional.of(new EngineTls(files.get(0), files.get(1), files.get(2)))
        : Optional.empty();
  }

  /** The files of {@code ssh: {identity, known_hosts}}, each optional; paths as for tls. */
  private HostEndpoint.SshKeys sshKeys(JsonNode ssh, int line, String path) {
    if (!ssh.isObject()) {
      say(line, path, "want {identity: PATH, known_hosts: PATH} (got " + ssh + ")");
      return HostEndpoint.SshKeys.USERS;
    }
    unknownKeys(ssh, SSH_KEYS, line, path);
    return new HostEndpoint.SshKeys(
        file(ssh.get("identity"), line, path + ".identity", "the private key to log in with"),
        file(ssh.get("known_hosts"), line, path + ".known_hosts", "a known_hosts file"));
  }

  /** An optional file named relative to kiln.yaml, which must be there. */
  private Optional<Path> file(JsonNode value, int line, String path, String what) {
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      say(line, path, "want the path of " + what + " (got " + value + ")");
      return Optional.empty();
    }
    Path file = folder.resolve(value.asText()).normalize();
    if (!Files.isRegularFile(file)) {
      say(line, path, "no file " + file);
    }
    return Optional.of(file);
  }

  private int whole(JsonNode value, int line, String path) {
    if (value == null) {
      return 1;
    }
    if (!value.isInt() || value.asInt() < 1 || value.asInt() > HostSpec.MAX_JOBS) {
      say(
          line,
          path,
          "want a whole number from 1 to " + HostSpec.MAX_JOBS + " (got " + value + ")");
      return 1;
    }
    return value.asInt();
  }

  private double speed(JsonNode value, int line, String path) {
    if (value == null) {
      return 1;
    }
    if (!value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > 1000) {
      say(line, path, "want a number above 0, e.g. 1 or 2.5 (got " + value + ")");
      return 1;
    }
    return value.asDouble();
  }

  private void unknownKeys(JsonNode mapping, Set<String> known, int line, String path) {
    mapping
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                say(
                    line,
                    path + "." + key,
                    "unknown key (known: "
                        + String.join(", ", known.stream().sorted().toList())
                        + ")");
              }
            });
  }

  private int count;

  private void say(int line, String path, String what) {
    count++;
    problems.accept(line, "key '" + path + "': " + what);
  }
}
