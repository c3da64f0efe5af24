package kiln.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookConfigTest {

  static final String BASE =
      "origin: demo\nplans: plans\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n";

  @TempDir Path dir;

  @BeforeEach
  void distribution() throws Exception {
    ConfigLoaderTest.distribution(dir);
  }

  KilnConfig load(String hooks) throws Exception {
    return ConfigLoader.load(Files.writeString(dir.resolve("kiln.yaml"), BASE + hooks));
  }

  List<String> problems(String hooks) {
    return assertThrows(ConfigException.class, () -> load(hooks)).problems();
  }

  @Test
  void readsEachHooksCommandAndTheirTimeLimit() throws Exception {
    Hooks hooks =
        load("""
                hooks:
                  before-stage: echo "$KILN_STAGE" >> stages.log
                  after-build: |
                    test -f "$KILN_ARTIFACT"
                  timeout: 2m
                """)
            .hooks();
    assertEquals(
        Map.of(
            Hook.BEFORE_STAGE,
            "echo \"$KILN_STAGE\" >> stages.log",
            Hook.AFTER_BUILD,
            "test -f \"$KILN_ARTIFACT\"\n"),
        hooks.commands());
    assertEquals(Duration.ofMinutes(2), hooks.timeout());
    assertTrue(hooks.aroundBuilds());
  }

  @Test
  void withoutHooksNothingRunsAndTheLimitIsHalfAnHour() throws Exception {
    Hooks hooks = load("").hooks();
    assertEquals(Hooks.NONE, hooks);
    assertEquals(Duration.ofMinutes(30), hooks.timeout());
  }

  @Test
  void anUnknownHookIsNamedWithItsLineAndTheKeysThereAre() {
    List<String> problems =
        problems("jobs: 1\nhooks:\n  before-stage: 'true'\n  before-satge: echo typo\n");
    assertEquals(
        List.of(
            "line 8: unknown key 'hooks.before-satge' (known keys under hooks: before-stage,"
                + " after-stage, before-build, after-build, timeout)"),
        problems);
  }

  @Test
  void everyBadValueIsReportedAtOnceWithItsLineAndWhatWasGiven() throws Exception {
    List<String> problems =
        problems(
            """
            hooks:
              after-build: [a, b]
              after-stage: ""
              timeout: soon
            """);
    assertEquals(
        List.of(
            "line 6: key 'hooks.after-build': want a shell command (a text), run with bash -c"
                + " (got [\"a\",\"b\"])",
            "line 7: key 'hooks.after-stage': want a shell command (a text), run with bash -c"
                + " (got \"\")",
            "line 8: key 'hooks.timeout': want a duration such as 30s, 90m, 2h or 1h30m"
                + " (got \"soon\")"),
        problems);
    String message =
        assertThrows(ConfigException.class, () -> load("hooks:\n  after-stage: ''\n")).getMessage();
    assertTrue(message.startsWith(dir.resolve("kiln.yaml") + " has a problem:"), message);
  }

  @Test
  void hooksMustBeAMappingAndAHookGivenTwiceIsNamed() {
    assertEquals(
        List.of(
            "line 5: key 'hooks': want a mapping of hook to shell command, e.g. 'after-build:"
                + " ./notify.sh' (got \"echo hi\")"),
        problems("hooks: echo hi\n"));
    assertEquals(
        List.of("line 7: key 'hooks.after-build' twice (first on line 6)"),
        problems("hooks:\n  after-build: echo one\n  after-build: echo two\n"));
    assertEquals(
        List.of(
            "line 6: key 'hooks.after-stage': want a shell command as a text: YAML read this one"
                + " otherwise, quote it (got true)"),
        problems("hooks:\n  after-stage: true\n"));
  }
}
