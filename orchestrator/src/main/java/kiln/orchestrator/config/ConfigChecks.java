package kiln.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.config.ConfigLoader.Located;
import kiln.stages.build.NetworkPolicy;
import kiln.stages.build.SourceMirrors;
import kiln.stages.studio.BuildLimits;
import kiln.world.PackageIdent;
import kiln.world.PlanDiscovery;

/** Checks each key of a config file, collecting every problem before failing. */
final class ConfigChecks {

  private final Path file;
  private final Map<String, Located> keys;
  private final List<String> problems = new ArrayList<>();

  ConfigChecks(Path file, Map<String, Located> keys, List<String> earlier) {
    this.file = file;
    this.keys = keys;
    this.problems.addAll(earlier);
  }

  KilnConfig config() throws ConfigException {
    for (Map.Entry<String, Located> key : keys.entrySet()) {
      if (!ConfigLoader.KEYS.contains(key.getKey())) {
        problems.add(
            "line "
                + key.getValue().line()
                + ": unknown key '"
                + key.getKey()
                + "' (known keys: "
                + String.join(", ", ConfigLoader.KEYS)
                + ")");
      }
    }
    String origin = text("origin", null);
    if (origin != null && !PackageIdent.isValidName(origin)) {
      problem("origin", "letters, digits, '-' and '_' only");
    }
    String target = text("target", "x86_64-linux");
    if (target != null && !PlanDiscovery.TARGETS.contains(target)) {
      // the same list --target of world-order takes: plans are picked per target from it
      problem("target", "unknown target (one of " + String.join(", ", PlanDiscovery.TARGETS) + ")");
    }
    List<Path> plans = paths("plans");
    plans.stream()
        .filter(p -> !Files.isDirectory(p))
        .forEach(p -> problem("plans", "no folder " + p));
    Path basePlans = existingFile("base-plans", true);
    Optional<Path> toolchain = Optional.ofNullable(existingFile("toolchain", false));
    Optional<Path> tarball = Optional.ofNullable(existingFile("tools-tarball", false));
    if (!keys.containsKey("toolchain") && !keys.containsKey("tools-tarball")) {
      problems.add("missing key 'toolchain' (the stage0 spec) or 'tools-tarball' (a ready one)");
    } else if (keys.containsKey("toolchain") && keys.containsKey("tools-tarball")) {
      problem("tools-tarball", "give 'toolchain' or 'tools-tarball', not both");
    }
    KilnConfig.StudioChoice studio = studio();
    List<PackageIdent> backline = backline();
    Path keysDir = path("keys", "keys");
    boolean check = bool("check");
    boolean compare = bool("compare");
    int jobs = jobs();
    BuildLimits defaults = BuildLimits.defaults();
    Duration timeout = duration("timeout", defaults.wallClock());
    Duration silence = duration("silence-timeout", defaults.silence());
    NetworkPolicy network = network();
    SourceMirrors sources = sources();
    List<kiln.orchestrator.farm.HostSpec> hosts =
        new HostsConfig(
                file.getParent(), (line, what) -> problems.add("line " + line + ": " + what))
            .read(keys.get("hosts"));
    Path work = path("work", ".kiln");
    Hooks hooks = HookChecks.read(keys.get("hooks"), problems::add);
    Located publishKey = keys.get("publish");
    Optional<PublishSettings> publish =
        PublishKey.read(
            publishKey == null ? null : publishKey.value(), file.getParent(), this::problem);
    if (!problems.isEmpty()) {
      throw new ConfigException(file, problems);
    }
    return new KilnConfig(
        file,
        origin,
        target,
        plans,
        basePlans,
        toolchain,
        tarball,
        studio,
        backline,
        keysDir,
        check,
        compare,
        jobs,
        new BuildLimits(timeout, silence),
        network,
        sources,
        hosts,
        work,
        hooks,
        publish);
  }

  private String text(String key, String fallback) {
    Located located = keys.get(key);
    if (located == null) {
      if (fallback == null) {
        problems.add("missing key '" + key + "'");
      }
      return fallback;
    }
    if (!located.value().isTextual() || located.value().asText().isBlank()) {
      problem(key, "want a text");
      return null;
    }
    return located.value().asText();
  }

  private Path path(String key, String fallback) {
    String text = text(key, fallback);
    return text == null ? null : file.getParent().resolve(text).normalize();
  }

  private Path existingFile(String key, boolean required) {
    if (!required && !keys.containsKey(key)) {
      return null;
    }
    Path path = path(key, null);
    if (path != null && !Files.isRegularFile(path)) {
      problem(key, "no file " + path);
    }
    return path;
  }

  private List<Path> paths(String key) {
    return texts(key, true).stream().map(t -> file.getParent().resolve(t).normalize()).toList();
  }

  private List<String> texts(String key, boolean required) {
    Located located = keys.get(key);
    if (located == null) {
      if (required) {
        problems.add("missing key '" + key + "'");
      }
      return List.of();
    }
    JsonNode value = located.value();
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    List<String> texts = new ArrayList<>();
    if (!value.isArray() || (required && value.isEmpty())) {
      problem(key, "want a list, e.g. [a, b]");
      return texts;
    }
    for (JsonNode item : value) {
      if (item.isTextual() && !item.asText().isBlank()) {
        texts.add(item.asText());
      } else {
        problem(key, "every item must be a text, not " + item);
      }
    }
    return texts;
  }

  private KilnConfig.StudioChoice studio() {
    String text = text("studio", "auto");
    try {
      return text == null ? null : KilnConfig.StudioChoice.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem("studio", "want auto, docker or chroot");
      return null;
    }
  }

  private List<PackageIdent> backline() {
    List<PackageIdent> idents = new ArrayList<>();
    for (String text : texts("backline", false)) {
      try {
        idents.add(PackageIdent.parse(text));
      } catch (IllegalArgumentException e) {
        problem("backline", e.getMessage());
      }
    }
    return idents;
  }

  private boolean bool(String key) {
    Located located = keys.get(key);
    if (located != null && !located.value().isBoolean()) {
      problem(key, "want true or false");
    }
    return located != null && located.value().asBoolean();
  }

  private int jobs() {
    Located located = keys.get("jobs");
    if (located == null) {
      return 1;
    }
    int jobs = located.value().asInt();
    if (!located.value().isInt() || jobs < 1 || jobs > KilnConfig.MAX_JOBS) {
      problem("jobs", "want a whole number from 1 to " + KilnConfig.MAX_JOBS);
      return 1;
    }
    return jobs;
  }

  private Duration duration(String key, Duration fallback) {
    String text = text(key, fallback.toString());
    if (text == null || !keys.containsKey(key)) {
      return fallback;
    }
    try {
      return BuildLimits.parseDuration(text, key);
    } catch (IllegalArgumentException e) {
      problem(key, "want a duration such as 30s, 90m, 2h or 1h30m");
      return fallback;
    }
  }

  private NetworkPolicy network() {
    String text = text("network", "download");
    try {
      return text == null ? NetworkPolicy.DOWNLOAD : NetworkPolicy.parse(text);
    } catch (IllegalArgumentException e) {
      problem("network", "want download (a plan's own remote download only) or never");
      return NetworkPolicy.DOWNLOAD;
    }
  }

  private SourceMirrors sources() {
    try {
      SourceMirrors mirrors = SourceMirrors.parse(texts("sources", false), file.getParent());
      mirrors.folders().stream()
          .filter(folder -> !Files.isDirectory(folder))
          .forEach(
              folder -> problem("sources", "no folder " + folder + " (create it, or remove it)"));
      return mirrors;
    } catch (IllegalArgumentException e) {
      problem("sources", e.getMessage());
      return SourceMirrors.NONE;
    }
  }

  /** Notes a problem with a key's value, naming the line, the key and the value. */
  private void problem(String key, String what) {
    Located located = keys.get(key);
    String line = located == null ? "" : "line " + located.line() + ": ";
    String value = located == null ? "" : " (got " + located.value() + ")";
    problems.add(line + "key '" + key + "': " + what + value);
  }
}
