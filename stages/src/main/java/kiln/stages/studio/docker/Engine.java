package kiln.stages.studio.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import kiln.stages.studio.StudioException;
import kiln.world.IoFailures;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * One Docker engine as kiln uses it: a docker-java client of its own for one {@link DockerEndpoint}
 * (made by Testcontainers' client factory, never its process-wide singleton, which would silently
 * fall back to another engine; over TLS with the endpoint's client certificates when it has them),
 * reached only after a quick ping and only when Testcontainers is set up for a machine with no
 * registry (otherwise it would spend minutes trying to pull its helper images).
 */
final class Engine {

  /** Environment Testcontainers reads only from the environment; each avoids an image pull. */
  static final Map<String, String> REQUIRED_ENV =
      Map.of(
          "TESTCONTAINERS_RYUK_DISABLED", "true",
          "TESTCONTAINERS_CHECKS_DISABLE", "true");

  /** One client per endpoint for the whole JVM: each stage and command reuses it. */
  private static final Map<DockerEndpoint, Engine> ENGINES = new ConcurrentHashMap<>();

  private final DockerEndpoint endpoint;
  private final DockerClient client;

  private Engine(DockerEndpoint endpoint, DockerClient client) {
    this.endpoint = endpoint;
    this.client = client;
  }

  /** Connects to the engine at {@code endpoint}, or says why not and what to do. */
  static Engine connect(DockerEndpoint endpoint) throws StudioException {
    Optional<String> problem = EngineProbe.problem(endpoint, Duration.ofSeconds(2));
    if (problem.isPresent()) {
      throw new StudioException(
          problem.get()
              + (endpoint.tls().isPresent()
                  ? ""
                  : "; start one (bin/setup does) or use --studio chroot"));
    }
    for (Map.Entry<String, String> e : REQUIRED_ENV.entrySet()) {
      if (!e.getValue().equalsIgnoreCase(System.getenv(e.getKey()))) {
        throw new StudioException(
            "the Docker studio needs "
                + e.getKey()
                + "="
                + e.getValue()
                + " in the environment (Testcontainers would otherwise try to pull images, and"
                + " kiln never pulls); run kiln through ./kiln, which sets it");
      }
    }
    try {
      return ENGINES.computeIfAbsent(
          endpoint,
          e -> new Engine(e, DockerClientProviderStrategy.getClientForConfig(transport(e))));
    } catch (UncheckedIOException e) {
      throw new StudioException(e.getCause().getMessage(), e.getCause());
    } catch (RuntimeException e) {
      throw new StudioException(
          IoFailures.message("cannot use the Docker engine at " + endpoint, e), e);
    }
  }

  /** How docker-java reaches the engine: with the endpoint's TLS files, read once per client. */
  private static TransportConfig transport(DockerEndpoint endpoint) {
    TransportConfig.TransportConfigBuilder transport =
        TransportConfig.builder().dockerHost(endpoint.uri());
    if (endpoint.tls().isPresent()) {
      try {
        SSLContext context = endpoint.tls().get().sslContext();
        transport.sslConfig(() -> context);
      } catch (IOException e) {
        throw new UncheckedIOException(new TlsFailure(endpoint, e.getMessage(), e));
      }
    }
    return transport.build();
  }

  DockerEndpoint endpoint() {
    return endpoint;
  }

  DockerClient client() {
    return client;
  }

  /** The labels of a local image, or empty when there is no such image. Never pulls. */
  Optional<Map<String, String>> imageLabels(String image) {
    try {
      var config = client.inspectImageCmd(image).exec().getConfig();
      Map<String, String> labels = config == null ? null : config.getLabels();
      return Optional.of(labels == null ? Map.of() : labels);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The id of a local image, or empty when there is none. Never pulls. */
  Optional<String> imageId(String image) {
    try {
      return Optional.of(client.inspectImageCmd(image).exec().getId());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  List<Container> containersLabelled(String label) {
    return client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec();
  }

  List<Image> imagesLabelled(String label) {
    return client.listImagesCmd().withLabelFilter(label).exec();
  }

  /** Kills a running container; one that already stopped or is gone is fine. */
  void kill(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (NotFoundException | ConflictException e) {
      // Already stopped or removed: exactly what we wanted.
    }
  }

  /** Removes a container, running or not; true when it existed. */
  boolean remove(String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (ConflictException e) {
      // "removal already in progress": another remover (a shutdown hook) got there first.
      return true;
    }
  }

  /** Removes an image by tag or id unless a container still uses it; true when it went. */
  boolean removeImage(String name) {
    try {
      client.removeImageCmd(name).withForce(false).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (ConflictException e) {
      // Used by a container kiln does not own: leave it.
      return false;
    }
  }
}
