package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import kiln.stages.studio.StudioException;

/** One DockerStudio for all container tests of a JVM (connecting reaps, once is enough). */
public final class SharedDockerStudio {
  private static DockerStudio studio;

  private SharedDockerStudio() {}

  public static synchronized DockerStudio get() throws StudioException, IOException {
    if (studio == null) {
      studio = DockerStudio.connect(StudioOwner.current(Files.createTempDirectory("kiln-it-")));
    }
    return studio;
  }
}
