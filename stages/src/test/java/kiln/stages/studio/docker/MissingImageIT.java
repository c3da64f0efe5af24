package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kiln.stages.studio.StudioException;
import org.junit.jupiter.api.Test;

/**
 * A studio image that is not on the engine (removed between kiln building it and using it) is an
 * immediate error that says what happened, never a pull: these hosts reach no registry, and a pull
 * attempt means minutes of retries.
 */
class MissingImageIT {

  @Test
  void aMissingImageIsAnImmediateClearErrorNotAPull() throws Exception {
    Engine engine = Engine.connect(DockerEndpoint.fromEnvironment());
    String image = "kiln-test-missing-" + UUID.randomUUID().toString().substring(0, 8) + ":never";
    assertEquals(Optional.empty(), engine.imageId(image), "the image must not exist");

    long start = System.nanoTime();
    StudioException e =
        assertThrows(
            StudioException.class,
            () ->
                LiveContainers.on(engine)
                    .create(
                        engine
                            .client()
                            .createContainerCmd(image)
                            .withCmd(List.of("/bin/true"))
                            .withLabels(StudioOwner.current(java.nio.file.Path.of("/")).labels())));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(
        e.getMessage().contains("the studio image " + image + " is not on this engine"),
        e.getMessage());
    assertTrue(e.getMessage().contains("kiln never pulls images"), e.getMessage());
    assertTrue(e.getMessage().contains("run the command again"), e.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "no pull retries: took " + took);
    assertEquals(Optional.empty(), engine.imageId(image), "and nothing was pulled");
  }
}
