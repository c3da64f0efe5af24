package kiln.stages.studio.docker;

import com.github.dockerjava.api.model.Container;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/** What the engine holds, asked directly (as {@code docker ps -a --filter label=...} would). */
final class Containers {
  private Containers() {}

  static List<Container> labelled(String label, String value) {
    return DockerClientFactory.instance()
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(List.of(label + "=" + value))
        .exec();
  }
}
