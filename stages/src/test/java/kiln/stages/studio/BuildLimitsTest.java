package kiln.stages.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildLimitsTest {

  @Test
  void durationsAreANumberAndAUnitOrSeveral() {
    assertEquals(Duration.ofSeconds(30), BuildLimits.parseDuration("30s", "--timeout"));
    assertEquals(Duration.ofMinutes(90), BuildLimits.parseDuration("90m", "--timeout"));
    assertEquals(Duration.ofHours(2), BuildLimits.parseDuration("2h", "--timeout"));
    assertEquals(Duration.ofMinutes(90), BuildLimits.parseDuration("1h30m", "--timeout"));
    assertEquals(Duration.ofDays(1), BuildLimits.parseDuration("1d", "--timeout"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "90", "m", "1.5h", "-1h", "0s", "2 h", "1w", "PT1H"})
  void anythingElseIsAnErrorNamingTheOptionAndTheForm(String text) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BuildLimits.parseDuration(text, "timeout (kiln.yaml:4)"));
    assertTrue(e.getMessage().startsWith("timeout (kiln.yaml:4) '" + text + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"4s", "45m", "2h", "1h30m", "1d", "2d3h4m5s"})
  void aDurationIsShownAsItIsWritten(String text) {
    assertEquals(text, BuildLimits.format(BuildLimits.parseDuration(text, "--timeout")));
  }

  @Test
  void partsOfASecondAndZeroAreShownInWordsToo() {
    assertEquals("500ms", BuildLimits.format(Duration.ofMillis(500)));
    assertEquals("1m500ms", BuildLimits.format(Duration.ofMillis(60_500)));
    assertEquals("0s", BuildLimits.format(Duration.ZERO));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BuildLimits(Duration.ZERO, Duration.ofMinutes(1)));
    assertEquals("build limits must be positive: timeout 0s, silence timeout 1m", e.getMessage());
  }

  @Test
  void eachLimitCanBeChangedAlone() {
    BuildLimits limits = BuildLimits.defaults().withSilence(Duration.ofMinutes(5));
    assertEquals(Duration.ofHours(6), limits.wallClock());
    assertEquals(Duration.ofMinutes(5), limits.silence());
    assertEquals(Duration.ofMinutes(90), limits.withWallClock(Duration.ofMinutes(90)).wallClock());
  }
}
