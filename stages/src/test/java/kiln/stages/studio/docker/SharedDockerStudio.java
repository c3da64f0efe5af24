package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import kiln.stages.studio.StudioException;
import kiln.testing.TestEngines;

/** One DockerStudio for all container tests of a JVM (connecting reaps, once is enough). */
public final class SharedDockerStudio {
  private static DockerStudio studio;
  private static DockerStudio copying;

  private SharedDockerStudio() {}

  public static synchronized DockerStudio get() throws StudioException, IOException {
    if (studio == null) {
      studio = DockerStudio.connect(StudioOwner.current(Files.createTempDirectory("kiln-it-")));
    }
    return studio;
  }

  /**
   * One studio on the first extra engine ({@link TestEngines}) that copies its inputs in and its
   * output out through the engine's API, as on a build farm's host.
   */
  public static synchronized DockerStudio copying() throws StudioException, IOException {
    if (copying == null) {
      copying =
          DockerStudio.connect(
              StudioOwner.current(Files.createTempDirectory("kiln-it-")),
              new DockerEndpoint(TestEngines.endpoints(1).get(0).toString()),
              DockerStudio.Inputs.COPY);
    }
    return copying;
  }
}
