package kiln.orchestrator.config;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import kiln.stages.studio.BuildLimits;

/**
 * kiln.yaml's {@code hooks:}: a shell command per hook, run on the host with {@code bash -c} in the
 * folder kiln.yaml is in.
 *
 * @param commands the command of each hook kiln.yaml sets
 * @param timeout how long one run of a hook may take before it is killed and counts as failed
 */
public record Hooks(Map<Hook, String> commands, Duration timeout) {

  /** A hook's time limit unless kiln.yaml says {@code hooks: timeout:}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  /** No hooks. */
  public static final Hooks NONE = new Hooks(Map.of(), DEFAULT_TIMEOUT);

  public Hooks {
    EnumMap<Hook, String> copy = new EnumMap<>(Hook.class);
    copy.putAll(commands);
    copy.forEach(
        (hook, command) -> {
          if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("hooks." + hook.key() + ": an empty command");
          }
        });
    commands = Collections.unmodifiableMap(copy);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "hooks.timeout must be positive, not " + BuildLimits.format(timeout));
    }
  }

  /** The command kiln.yaml gives {@code hook}, if any. */
  public Optional<String> command(Hook hook) {
    return Optional.ofNullable(commands.get(hook));
  }

  /** True when kiln.yaml sets a hook around each build. */
  public boolean aroundBuilds() {
    return commands.keySet().stream().anyMatch(Hook::aroundBuilds);
  }
}
