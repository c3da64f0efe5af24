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
  private final Map<String, Object> opening = new ConcurrentHashMap<>();
  private volatile boolean closed;

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
      return new DockerEndpoint(tunnel(host.name(), ssh).dockerHost());
    }
    HostEndpoint.Tcp tcp = (HostEndpoint.Tcp) endpoint;
    return new DockerEndpoint(tcp.address(), tcp.tls());
  }

  /**
   * The host's open tunnel, or a new one when there is none or its ssh has ended (the connection
   * broke: sshd or the machine went away). One host's tunnel is opened by one thread at a time (the
   * watch and the builds ask at once), so no second ssh runs forgotten beside the first.
   */
  private SshTunnel tunnel(String name, HostEndpoint.Ssh ssh) throws IOException {
    synchronized (opening.computeIfAbsent(name, n -> new Object())) {
      if (closed) {
        throw new IOException("kiln is ending: no new ssh tunnel to " + ssh.address());
      }
      SshTunnel tunnel = open.get(name);
      if (tunnel != null && tunnel.alive()) {
        return tunnel;
      }
      if (tunnel != null) {
        open.remove(name);
        tunnel.close();
      }
      tunnel = SshTunnel.open(name, ssh, tunnels);
      open.put(name, tunnel);
      return tunnel;
    }
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

  /** Closes the SSH tunnels, each once its opening (if one is under way) is done. */
  @Override
  public void close() {
    closed = true;
    opening.forEach(
        (name, lock) -> {
          synchronized (lock) {
            SshTunnel tunnel = open.remove(name);
            if (tunnel != null) {
              tunnel.close();
            }
          }
        });
  }
}
