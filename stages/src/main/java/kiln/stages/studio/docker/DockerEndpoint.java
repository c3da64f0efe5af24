package kiln.stages.studio.docker;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Docker engine, as {@code DOCKER_HOST} names it: {@code unix:///path/to/docker.sock} or {@code
 * tcp://host:port}, the latter with the client certificates of an engine started with {@code
 * --tlsverify}. kiln talks to each endpoint through a client of its own (never a process-wide
 * singleton), so one kiln can drive several engines.
 *
 * @param host the engine's address
 * @param tls how to speak TLS to it ({@code tcp://} only); empty for plain HTTP
 */
public record DockerEndpoint(String host, Optional<EngineTls> tls) {

  /** Where an engine is when nothing says otherwise. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  public DockerEndpoint {
    Objects.requireNonNull(tls, "tls");
    if (host == null || !(host.startsWith("unix:///") || host.startsWith("tcp://"))) {
      throw new IllegalArgumentException(
          "a Docker engine address must be unix:///PATH or tcp://HOST:PORT: '" + host + "'");
    }
    if (tls.isPresent() && !host.startsWith("tcp://")) {
      throw new IllegalArgumentException("TLS goes with tcp:// engines only, not " + host);
    }
  }

  /** An engine spoken to without TLS. */
  public DockerEndpoint(String host) {
    this(host, Optional.empty());
  }

  /**
   * The engine {@code DOCKER_HOST} names in this environment, else the usual unix socket; with TLS
   * when {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} say so, as for Docker's own client.
   */
  public static DockerEndpoint of(Map<String, String> environment) {
    String host = environment.get("DOCKER_HOST");
    if (host == null || host.isBlank()) {
      return new DockerEndpoint(DEFAULT_HOST);
    }
    return new DockerEndpoint(
        host, host.startsWith("tcp://") ? EngineTls.of(environment) : Optional.empty());
  }

  /** The engine this process's {@code DOCKER_HOST} names. */
  public static DockerEndpoint fromEnvironment() {
    return of(System.getenv());
  }

  URI uri() {
    return URI.create(host);
  }

  @Override
  public String toString() {
    return host;
  }
}
