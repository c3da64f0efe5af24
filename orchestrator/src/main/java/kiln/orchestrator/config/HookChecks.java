package kiln.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiln.orchestrator.config.ConfigLoader.Located;
import kiln.stages.studio.BuildLimits;

/** Checks kiln.yaml's {@code hooks:} mapping, each problem with the line of its key. */
final class HookChecks {

  /** The keys {@code hooks:} may have: the hooks, then their time limit. */
  static final List<String> KEYS = keys();

  private final Located hooks;
  private final Consumer<String> problems;

  private HookChecks(Located hooks, Consumer<String> problems) {
    this.hooks = hooks;
    this.problems = problems;
  }

  /**
   * The hooks kiln.yaml sets; {@link Hooks#NONE} without {@code hooks:}.
   *
   * @param problems takes each problem found, as {@code line N: key 'hooks.x': what}
   */
  static Hooks read(Located hooks, Consumer<String> problems) {
    return hooks == null ? Hooks.NONE : new HookChecks(hooks, problems).hooks();
  }

  private Hooks hooks() {
    JsonNode value = hooks.value();
    if (!value.isObject()) {
      problems.accept(
          "line "
              + hooks.line()
              + ": key 'hooks': want a mapping of hook to shell command, e.g."
              + " 'after-build: ./notify.sh' (got "
              + value
              + ")");
      return Hooks.NONE;
    }
    Map<Hook, String> commands = new EnumMap<>(Hook.class);
    Duration timeout = Hooks.DEFAULT_TIMEOUT;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode item = field.getValue();
      if (key.equals("timeout")) {
        timeout = timeout(item);
      } else if (Hook.of(key).isEmpty()) {
        problems.accept(
            at(key)
                + "unknown key 'hooks."
                + key
                + "' (known keys under hooks: "
                + String.join(", ", KEYS)
                + ")");
      } else if (item.isValueNode() && !item.isTextual() && !item.isNull()) {
        problem(
            key, "want a shell command as a text: YAML read this one otherwise, quote it", item);
      } else if (!item.isTextual() || item.asText().isBlank()) {
        problem(key, "want a shell command (a text), run with bash -c", item);
      } else {
        commands.put(Hook.of(key).get(), item.asText());
      }
    }
    return new Hooks(commands, timeout);
  }

  private Duration timeout(JsonNode item) {
    try {
      if (item.isTextual()) {
        return BuildLimits.parseDuration(item.asText(), "hooks.timeout");
      }
    } catch (IllegalArgumentException e) {
      // said below, in the words every duration key uses
    }
    problem("timeout", "want a duration such as 30s, 90m, 2h or 1h30m", item);
    return Hooks.DEFAULT_TIMEOUT;
  }

  private void problem(String key, String what, JsonNode item) {
    problems.accept(at(key) + "key 'hooks." + key + "': " + what + " (got " + item + ")");
  }

  /** {@code line N: } for a key under hooks (the line of {@code hooks:} if unknown). */
  private String at(String key) {
    return "line " + hooks.keyLines().getOrDefault(key, hooks.line()) + ": ";
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(Hook.keys());
    keys.add("timeout");
    return List.copyOf(keys);
  }
}
