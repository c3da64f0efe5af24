package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One small HTTP/1.0 GET to an engine's API on a socket of its own, on whichever transport its
 * endpoint names (a unix socket, TCP, TCP with TLS): what the quick ping and {@code kiln hosts}'
 * version need, without a docker-java client and its long timeouts.
 */
final class EngineRequest {

  private EngineRequest() {}

  /**
   * The whole reply (status line, headers, body) to {@code GET path}.
   *
   * @param tls the endpoint's {@link #context}, made beforehand so that reading the files and
   *     setting up the JDK's TLS does not count against the engine's {@code timeout}
   * @throws TlsFailure when the handshake fails or the engine refuses kiln's certificate, saying
   *     why
   * @throws IOException when the engine cannot be reached
   */
  static String get(
      DockerEndpoint endpoint, Optional<SSLContext> tls, String path, Duration timeout)
      throws IOException {
    byte[] request =
        ("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    String host = endpoint.host();
    if (host.startsWith("unix://")) {
      try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        channel.connect(UnixDomainSocketAddress.of(host.substring("unix://".length())));
        channel.write(ByteBuffer.wrap(request));
        return text(Channels.newInputStream(channel));
      }
    }
    URI uri = URI.create(host.replaceFirst("^tcp://", "http://"));
    try (Socket socket = open(tls, uri, timeout)) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        return text(socket.getInputStream());
      } catch (SocketException e) {
        if (socket instanceof SSLSocket) {
          // In TLS 1.3 the engine judges kiln's certificate after the handshake: it sends an
          // alert and closes, and the request then meets a reset connection or a broken pipe.
          throw TlsFailure.refused(endpoint, e);
        }
        throw e;
      }
    } catch (SSLException e) {
      throw TlsFailure.of(endpoint, uri.getHost(), e);
    }
  }

  private static Socket open(Optional<SSLContext> tls, URI uri, Duration timeout)
      throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
      plain.setSoTimeout((int) timeout.toMillis());
      if (tls.isEmpty()) {
        return plain;
      }
      SSLSocket secure =
          (SSLSocket)
              tls.get().getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
      // the engine's certificate must name the address dialled, as docker-java checks too
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      secure.setSSLParameters(parameters);
      secure.startHandshake();
      return secure;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /** A TLS context from the endpoint's files, read now (a renewed certificate is picked up). */
  static Optional<SSLContext> context(DockerEndpoint endpoint) throws TlsFailure {
    if (endpoint.tls().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(endpoint.tls().get().sslContext());
    } catch (IOException e) {
      throw new TlsFailure(endpoint, e.getMessage(), e);
    }
  }

  private static String text(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
