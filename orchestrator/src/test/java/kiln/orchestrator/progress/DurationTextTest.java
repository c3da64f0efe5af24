package kiln.orchestrator.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void wordsShowTheTwoLargestUnitsRoundedToTheSecond() {
    assertEquals("0s", DurationText.words(Duration.ofMillis(400)));
    assertEquals("42s", DurationText.words(Duration.ofSeconds(42)));
    assertEquals("1m 10s", DurationText.words(70));
    assertEquals("1m", DurationText.words(59.6));
    assertEquals("1h", DurationText.words(Duration.ofMinutes(60).plusSeconds(20)));
    assertEquals("2h 5m", DurationText.words(Duration.ofMinutes(125).plusSeconds(40)));
    assertEquals("3d 4h", DurationText.words(Duration.ofHours(76).plusMinutes(5)));
  }

  @Test
  void aClockShowsMinutesAndSecondsAndHoursFromAnHourOn() {
    assertEquals("0:42", DurationText.clock(Duration.ofSeconds(42)));
    assertEquals("1:10", DurationText.clock(Duration.ofSeconds(70)));
    assertEquals("59:59", DurationText.clock(Duration.ofSeconds(3599)));
    assertEquals("1:02:05", DurationText.clock(Duration.ofSeconds(3725)));
  }
}
