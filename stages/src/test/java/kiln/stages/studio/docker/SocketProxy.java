package kiln.stages.studio.docker;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unix socket that forwards every connection to another one and counts them: an engine endpoint a
 * test can tell apart from the engine's own socket.
 */
final class SocketProxy implements AutoCloseable {

  private final Path path;
  private final ServerSocketChannel server;
  private final AtomicInteger connections = new AtomicInteger();

  private SocketProxy(Path path, ServerSocketChannel server) {
    this.path = path;
    this.server = server;
  }

  static SocketProxy to(Path engine, Path path) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    SocketProxy proxy = new SocketProxy(path, server);
    Thread acceptor = new Thread(() -> proxy.accept(engine), "socket-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  Path path() {
    return path;
  }

  int connections() {
    return connections.get();
  }

  private void accept(Path engine) {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
        connections.incrementAndGet();
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    Thread thread =
        new Thread(
            () -> {
              ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
              try {
                while (from.read(buffer) >= 0) {
                  buffer.flip();
                  while (buffer.hasRemaining()) {
                    to.write(buffer);
                  }
                  buffer.clear();
                }
                to.shutdownOutput();
              } catch (IOException e) {
                // One side went away: the other follows.
              }
            },
            "socket-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(path);
  }
}
