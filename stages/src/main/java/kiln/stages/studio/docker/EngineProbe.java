package kiln.stages.studio.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import kiln.stages.studio.BuildLimits;
import kiln.world.IoFailures;

/**
 * Asks the Docker engine whether it is there, quickly. Testcontainers' own discovery tries several
 * strategies with long timeouts; {@code --studio auto} must decide in well under a second. Speaks
 * TLS to an endpoint that has its files, so a refused certificate is told here, in words.
 */
public final class EngineProbe {

  private EngineProbe() {}

  /** Where kiln looks for the engine: {@code DOCKER_HOST}, else the usual unix socket. */
  public static String dockerHost() {
    return DockerEndpoint.fromEnvironment().host();
  }

  /** Empty when the engine answered {@code /_ping} within {@code timeout}, else why not. */
  public static Optional<String> problem(Duration timeout) {
    return problem(DockerEndpoint.fromEnvironment(), timeout);
  }

  /** Like {@link #problem(Duration)} for an engine at {@code host} (unix:// or tcp://). */
  public static Optional<String> problem(String host, Duration timeout) {
    return problem(new DockerEndpoint(host), timeout);
  }

  /** Like {@link #problem(Duration)} for the engine at {@code endpoint}, over TLS if it has it. */
  public static Optional<String> problem(DockerEndpoint endpoint, Duration timeout) {
    try {
      String reply = ask(endpoint, "/_ping", timeout);
      String status = reply.lines().findFirst().orElse("");
      if (status.startsWith("HTTP/1.") && status.contains(" 200")) {
        return Optional.empty();
      }
      String hint =
          reply.contains("HTTPS server")
              ? " (it speaks TLS only: give kiln its client certificates)"
              : "";
      return Optional.of("the Docker engine at " + endpoint + " answered '" + status + "'" + hint);
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The engine's version, e.g. {@code 20.10.24}.
   *
   * @throws IOException when the engine does not answer within {@code timeout}, saying why
   */
  public static String version(DockerEndpoint endpoint, Duration timeout) throws IOException {
    String reply = ask(endpoint, "/version", timeout);
    int body = reply.indexOf("\r\n\r\n");
    return new ObjectMapper()
        .readTree(body < 0 ? "{}" : reply.substring(body + 4))
        .path("Version")
        .asText("unknown");
  }

  /** The engine's reply within {@code timeout}; an exception's message is the whole story. */
  private static String ask(DockerEndpoint endpoint, String path, Duration timeout)
      throws IOException {
    Optional<SSLContext> tls = EngineRequest.context(endpoint);
    CompletableFuture<String> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return EngineRequest.get(endpoint, tls, path, timeout);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IOException(
          "no Docker engine answered at " + endpoint + " within " + BuildLimits.format(timeout), e);
    } catch (ExecutionException e) {
      Throwable cause =
          e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      if (cause instanceof TlsFailure) {
        throw (TlsFailure) cause;
      }
      throw new IOException(
          IoFailures.message("no Docker engine answers at " + endpoint, cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the Docker engine at " + endpoint, e);
    }
  }
}
