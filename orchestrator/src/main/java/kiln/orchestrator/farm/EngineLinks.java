package kiln.orchestrator.farm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.stages.studio.docker.DockerEndpoint;
import kiln.stages.studio.docker.EngineProbe;
import kiln.world.IoFailures;

/**
 * The way to each build host's engine as a Docker endpoint kiln's clients take: a unix socket is
 * itself, a TCP engine its address with its TLS files; an SSH host is reached through a tunnel
 * ({@link SshTunnel}) to its engine's socket, made on first use and kept for the run. Also the real
 * {@link HostProbe}: a ping with a deadline.
 */
public final class EngineLinks implements HostProbe, AutoCloseable {

  /** How long a ping may take before the host counts as not answering. */
  public static final Duration PING_DEADLINE = Duration.ofSeconds(3);

  private final Path tunnels;
  private final Map<String, SshTunnel> open = new ConcurrentHashMap<>();

  /**
   * @param tunnels where SSH tunnels put their local sockets (a folder of kiln's work dir)
   */
  public EngineLinks(Path tunnels) {
    this.tunnels = tunnels;
  }

  /**
   * The Docker endpoint of {@code host}'s engine: its socket, its TCP address with the TLS files,
   * or the local socket of its SSH tunnel.
   *
   * @throws IOException when the host cannot be reached that way, saying why
   */
  public DockerEndpoint endpoint(HostSpec host) throws IOException {
    HostEndpoint endpoint = host.endpoint();
    if (endpoint instanceof HostEndpoint.Unix unix) {
      return new DockerEndpoint(unix.address());
    }
    if (endpoint instanceof HostEndpoint.Ssh ssh) {
      SshTunnel tunnel = open.get(host.name());
      if (tunnel == null || !tunnel.alive()) {
        tunnel = SshTunnel.open(ssh, tunnels.resolve(host.name() + ".sock"));
        open.put(host.name(), tunnel);
      }
      return new DockerEndpoint(tunnel.dockerHost());
    }
    HostEndpoint.Tcp tcp = (HostEndpoint.Tcp) endpoint;
    return new DockerEndpoint(tcp.address(), tcp.tls());
  }

  @Override
  public Optional<String> problem(HostSpec host) {
    try {
      return EngineProbe.problem(endpoint(host), PING_DEADLINE);
    } catch (IOException e) {
      return Optional.of(IoFailures.message("cannot reach build host " + host.name(), e));
    }
  }

  /**
   * The engine's version, e.g. {@code 20.10.24}, for {@code kiln hosts}.
   *
   * @throws IOException when the engine does not answer
   */
  public String version(HostSpec host) throws IOException {
    return EngineProbe.version(endpoint(host), PING_DEADLINE);
  }

  /** Closes the SSH tunnels. */
  @Override
  public void close() {
    open.values().forEach(SshTunnel::close);
    open.clear();
  }
}
