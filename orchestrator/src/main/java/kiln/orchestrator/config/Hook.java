package kiln.orchestrator.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The points of a run where kiln.yaml's {@code hooks:} may run a command of the site's own. */
public enum Hook {
  /** Before a stage's first build (again after its after-stage hook completed). */
  BEFORE_STAGE("before-stage"),
  /** After a stage's builds ended, its results folder tidied and its steps done. */
  AFTER_STAGE("after-stage"),
  /** Before each build of an entry, as part of that build. */
  BEFORE_BUILD("before-build"),
  /** After each build of an entry, however it ended, as part of that build. */
  AFTER_BUILD("after-build");

  private final String key;

  Hook(String key) {
    this.key = key;
  }

  /** The key under {@code hooks:} in kiln.yaml, e.g. {@code before-stage}. */
  public String key() {
    return key;
  }

  /** True for the hooks around each build; false for those around a stage. */
  public boolean aroundBuilds() {
    return this == BEFORE_BUILD || this == AFTER_BUILD;
  }

  /** The hook kiln.yaml calls {@code key}. */
  public static Optional<Hook> of(String key) {
    return Arrays.stream(values()).filter(h -> h.key.equals(key)).findFirst();
  }

  /** Every hook's key, in the order the docs list them. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Hook::key).toList();
  }
}
