package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiln.world.IoFailures;

/**
 * Asks the Docker engine whether it is there, quickly. Testcontainers' own discovery tries several
 * strategies with long timeouts; {@code --studio auto} must decide in well under a second.
 */
public final class EngineProbe {

  private EngineProbe() {}

  /** Where kiln looks for the engine: {@code DOCKER_HOST}, else the usual unix socket. */
  public static String dockerHost() {
    return DockerEndpoint.fromEnvironment().host();
  }

  /** Empty when the engine answered {@code /_ping} within {@code timeout}, else why not. */
  public static Optional<String> problem(Duration timeout) {
    return problem(dockerHost(), timeout);
  }

  /** Like {@link #problem(Duration)} for an engine at {@code host} (unix:// or tcp://). */
  public static Optional<String> problem(String host, Duration timeout) {
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ping(host, timeout));
    try {
      String status = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return status.startsWith("HTTP/1.") && status.contains(" 200")
          ? Optional.empty()
          : Optional.of("the Docker engine at " + host + " answered '" + status + "'");
    } catch (TimeoutException e) {
      answer.cancel(true);
      return Optional.of(
          "no Docker engine answered at " + host + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Optional.of(IoFailures.message("no Docker engine answers at " + host, e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking the Docker engine at " + host);
    }
  }

  private static String ping(String host, Duration timeout) {
    byte[] request =
        "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    try {
      if (host.startsWith("unix://")) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          channel.connect(UnixDomainSocketAddress.of(host.substring("unix://".length())));
          channel.write(ByteBuffer.wrap(request));
          return statusLine(Channels.newInputStream(channel));
        }
      }
      URI uri = URI.create(host.replaceFirst("^tcp://", "http://"));
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        return statusLine(socket.getInputStream());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(IoFailures.describe(e), e);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\r' && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString();
  }
}
