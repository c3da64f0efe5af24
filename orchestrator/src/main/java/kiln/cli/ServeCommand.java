package kiln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kiln.stages.publish.RepositoryServer;
import kiln.world.IoFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln serve}: a published repository over HTTP, read-only, until stopped. */
@Command(
    name = "serve",
    description = {
      "Serve a repository made by 'kiln publish' over HTTP, read-only: its files (latest/INDEX,"
          + " releases/N/...) with byte ranges, and /pkgs/ORIGIN/NAME[/VERSION[/RELEASE]] lookups"
          + " (add /download for the artifact). Listens on loopback unless --bind says otherwise;"
          + " Ctrl-C stops it."
    })
final class ServeCommand implements Callable<Integer> {

  /** The port when none is given. */
  static final int DEFAULT_PORT = 8700;

  @Option(names = "--repo", paramLabel = "DIR", required = true, description = "The repository.")
  Path repo;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "The port (default: " + DEFAULT_PORT + "; 0 takes a free one).")
  int port = DEFAULT_PORT;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "The address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
  String bind = "127.0.0.1";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(bind), port);
    RepositoryServer server;
    try {
      server = RepositoryServer.start(repo, address);
    } catch (IOException e) {
      throw new IOException(
          IoFailures.message("cannot serve " + repo + " at " + bind + ":" + port, e), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "serving " + repo + " at http://" + bind + ":" + server.port() + "/ (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }
}
