package kiln.stages.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import kiln.world.PackageIdent;

/**
 * {@code kiln serve}: a repository folder over HTTP, read-only. Files are served below the
 * repository ({@code latest/INDEX}, {@code releases/000003/artifacts/...}) with single byte ranges;
 * {@code /pkgs/origin/name[/version[/release]]} answers the newest matching package of {@code
 * latest} as JSON, and {@code .../download} its artifact, as Habitat's depot does. Nothing outside
 * the repository is reachable: hostile paths are refused before the file system is asked, and a
 * file whose real path (links resolved) is outside the repository is refused too.
 */
public final class RepositoryServer implements AutoCloseable {

  private final Path root;
  private final HttpServer server;
  private final ExecutorService threads;

  private RepositoryServer(Path root, HttpServer server, ExecutorService threads) {
    this.root = root;
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts serving.
   *
   * @param address where to listen; port 0 takes a free port ({@link #port} tells which)
   * @throws IOException when the address cannot be bound or the repository is not a folder
   */
  public static RepositoryServer start(Path repository, InetSocketAddress address)
      throws IOException {
    Path root = repository.toRealPath();
    if (!Files.isDirectory(root)) {
      throw new IOException(repository + " is not a folder");
    }
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    RepositoryServer repo = new RepositoryServer(root, server, threads);
    server.createContext("/", repo::handle);
    server.setExecutor(threads);
    server.start();
    return repo;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        text(exchange, 405, "read-only: GET and HEAD only");
        return;
      }
      List<String> segments;
      try {
        segments = RequestPath.segments(exchange.getRequestURI().getRawPath());
      } catch (IllegalArgumentException e) {
        text(exchange, 400, "refused: " + e.getMessage());
        return;
      }
      if (!segments.isEmpty() && segments.get(0).equals("pkgs")) {
        lookup(exchange, segments.subList(1, segments.size()));
      } else {
        file(exchange, root.resolve(String.join("/", segments)));
      }
    } catch (RuntimeException e) {
      text(exchange, 500, "kiln serve failed: " + e.getMessage());
    }
  }

  private void lookup(HttpExchange exchange, List<String> parts) throws IOException {
    boolean download = !parts.isEmpty() && parts.get(parts.size() - 1).equals("download");
    List<String> identParts = download ? parts.subList(0, parts.size() - 1) : parts;
    PackageIdent wanted;
    try {
      wanted = PackageIdent.parse(String.join("/", identParts));
    } catch (IllegalArgumentException e) {
      text(exchange, 400, e.getMessage());
      return;
    }
    Optional<RepositoryIndex> index = latestIndex();
    Optional<IndexEntry> entry = index.flatMap(i -> i.newest(wanted));
    if (entry.isEmpty()) {
      text(exchange, 404, "no package matches " + wanted);
      return;
    }
    if (download) {
      Path release = root.resolve(Releases.RELEASES).resolve(index.get().release());
      file(exchange, release.resolve(entry.get().file()));
    } else {
      byte[] json = IndexJson.text(IndexJson.entry(entry.get())).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, 200, json);
    }
  }

  private Optional<RepositoryIndex> latestIndex() {
    try {
      Path index = root.resolve(Releases.LATEST).resolve(SignedIndex.FILE);
      return Optional.of(IndexJson.read(Hart.open(index).payloadText()));
    } catch (ArtifactException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void file(HttpExchange exchange, Path path) throws IOException {
    if (!Files.exists(path)) {
      text(exchange, 404, "not found");
      return;
    }
    Path real = path.toRealPath();
    if (!real.startsWith(root)) {
      text(exchange, 403, "refused: outside the repository");
      return;
    }
    if (!Files.isRegularFile(real)) {
      text(exchange, 404, "not a file");
      return;
    }
    try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
      long size = channel.size();
      exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(real));
      exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
      Optional<ByteRange> range;
      try {
        range = ByteRange.of(exchange.getRequestHeaders().getFirst("Range"), size);
      } catch (IllegalArgumentException e) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
        text(exchange, 416, e.getMessage());
        return;
      }
      ByteRange sent = range.orElse(size == 0 ? null : new ByteRange(0, size - 1));
      range.ifPresent(
          r -> exchange.getResponseHeaders().set("Content-Range", r.contentRange(size)));
      long length = sent == null ? 0 : sent.length();
      int status = range.isPresent() ? 206 : 200;
      if (!start(exchange, status, length) || sent == null) {
        return;
      }
      copy(channel, sent, exchange.getResponseBody());
    }
  }

  private static void copy(FileChannel channel, ByteRange range, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long position = range.first();
    long left = range.length();
    while (left > 0) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), left));
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("the file got shorter while it was sent");
      }
      out.write(buffer.array(), 0, n);
      position += n;
      left -= n;
    }
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (start(exchange, status, body.length)) {
      exchange.getResponseBody().write(body);
    }
  }

  /**
   * Sends the status and headers.
   *
   * @return whether a body follows (not for HEAD)
   */
  private static boolean start(HttpExchange exchange, int status, long length) throws IOException {
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD") || length == 0) {
      exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      exchange.sendResponseHeaders(status, -1);
      return false;
    }
    exchange.sendResponseHeaders(status, length);
    return true;
  }
}
