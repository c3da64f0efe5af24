package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Removing a finished build's container does not hold the build's thread for ever on an engine that
 * accepts connections and never answers (a paused dockerd, a build host behind a black hole): after
 * a deadline the container is remembered for the host's return instead.
 */
class LiveContainersRemoveTest {

  @Test
  void aRemovalThatGetsNoAnswerGivesUpAfterItsDeadlineAndIsRememberedForLater() throws Exception {
    try (SilentEngine silent = new SilentEngine()) {
      Engine engine = Engine.connect(new DockerEndpoint(silent.host()));
      LiveContainers live = LiveContainers.on(engine);
      String id = live.create(engine.client().createContainerCmd("kiln-studio-base:any"));
      long start = System.nanoTime();

      live.remove(id, Duration.ofSeconds(2));

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(
          took.toMillis() < 8_000, "the removal held its thread for " + took.toSeconds() + "s");
      assertEquals(0, live.retryRemovals(Duration.ofSeconds(1)), "still silent: nothing removed");
      assertTrue(live.unremoved().contains(id), "remembered for when the host answers again");
    }
  }
}
