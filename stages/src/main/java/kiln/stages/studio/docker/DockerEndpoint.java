package kiln.stages.studio.docker;

import java.net.URI;
import java.util.Map;

/**
 * One Docker engine, as {@code DOCKER_HOST} names it: {@code unix:///path/to/docker.sock} or {@code
 * tcp://host:port}. kiln talks to each endpoint through a client of its own (never a process-wide
 * singleton), so one kiln can drive several engines.
 *
 * @param host the engine's address
 */
public record DockerEndpoint(String host) {

  /** Where an engine is when nothing says otherwise. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  public DockerEndpoint {
    if (host == null || !(host.startsWith("unix:///") || host.startsWith("tcp://"))) {
      throw new IllegalArgumentException(
          "a Docker engine address must be unix:///PATH or tcp://HOST:PORT: '" + host + "'");
    }
  }

  /** The engine {@code DOCKER_HOST} names in this environment, else the usual unix socket. */
  public static DockerEndpoint of(Map<String, String> environment) {
    String host = environment.get("DOCKER_HOST");
    return new DockerEndpoint(host == null || host.isBlank() ? DEFAULT_HOST : host);
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
