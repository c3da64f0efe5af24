package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A stand-in for an engine's TCP port on 127.0.0.1: answers every {@code GET} with {@code 200 OK},
 * over TLS that demands a client certificate (as {@code dockerd --tlsverify} does) or in plain
 * HTTP.
 */
final class TlsTestEngine implements AutoCloseable {

  private final ServerSocket server;

  private TlsTestEngine(ServerSocket server) {
    this.server = server;
    Thread accept = new Thread(this::serve, "tls-test-engine");
    accept.setDaemon(true);
    accept.start();
  }

  /** Presents {@code serverSide.cert()} and accepts clients whose certificate its CA signed. */
  static TlsTestEngine tls(EngineTls serverSide) throws IOException {
    SSLServerSocket server =
        (SSLServerSocket)
            serverSide
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    return new TlsTestEngine(server);
  }

  /** Speaks plain HTTP only. */
  static TlsTestEngine plain() throws IOException {
    return new TlsTestEngine(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
  }

  String host() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        String reply = "HTTP/1.0 200 OK\r\n\r\nOK";
        if (client instanceof SSLSocket) {
          readRequest(client.getInputStream());
        } else {
          // what dockerd's plain HTTP says to a TLS hello it cannot parse
          reply = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n400 Bad Request";
        }
        OutputStream out = client.getOutputStream();
        out.write(reply.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // a refused handshake: the client tells it; wait for the next one
      }
    }
  }

  /** Reads up to the blank line that ends the request's headers. */
  private static void readRequest(InputStream in) throws IOException {
    int tail = 0;
    for (int c = in.read(); c != -1; c = in.read()) {
      tail = (tail << 8) | c;
      if (tail == 0x0d0a0d0a) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
