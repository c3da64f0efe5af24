package kiln.orchestrator.farm;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import kiln.stages.studio.docker.EngineTls;

/**
 * How kiln reaches a build host's Docker engine: a unix socket on this machine, TCP (with TLS
 * client certificates, as the engine's {@code --tlsverify} wants), or SSH to a machine whose engine
 * listens on its usual socket.
 */
public sealed interface HostEndpoint {

  /** The address as written in kiln.yaml. */
  String address();

  /** An engine's socket on this machine, e.g. {@code unix:///run/kiln-engines/e1/docker.sock}. */
  record Unix(Path socket) implements HostEndpoint {
    public Unix {
      if (!socket.isAbsolute()) {
        throw new IllegalArgumentException("a unix socket path must be absolute: " + socket);
      }
    }

    @Override
    public String address() {
      return "unix://" + socket;
    }
  }

  /**
   * An engine listening on TCP, e.g. {@code tcp://builder1:2376}.
   *
   * @param tls the client certificates, required: an engine on TCP without TLS gives root on its
   *     machine to anyone who can reach the port
   */
  record Tcp(String host, int port, Optional<EngineTls> tls) implements HostEndpoint {
    public Tcp {
      Objects.requireNonNull(tls, "tls");
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("a tcp endpoint needs a host name");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
      }
    }

    @Override
    public String address() {
      return "tcp://" + host + ":" + port;
    }
  }

  /**
   * The engine of a machine reached by {@code ssh user@host}, e.g. {@code
   * ssh://kiln@builder2:2222/run/docker.sock}: kiln forwards a local socket to {@code socket} there
   * ({@link SshTunnel}).
   *
   * @param user the remote user (empty: ssh's default), who must be allowed to use the engine
   * @param socket the engine's socket on that machine, an absolute path
   * @param keys the files ssh authenticates with; {@link SshKeys#USERS}: the user's own ssh setup
   */
  record Ssh(String user, String host, int port, String socket, SshKeys keys)
      implements HostEndpoint {

    /** Where a Docker engine listens unless told otherwise. */
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    public Ssh {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(keys, "keys");
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("an ssh endpoint needs a host name");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
      }
      if (socket == null || !socket.startsWith("/") || socket.equals("/")) {
        throw new IllegalArgumentException(
            "the engine's socket on the host must be an absolute path, e.g. "
                + DEFAULT_SOCKET
                + " (got '"
                + socket
                + "')");
      }
    }

    /** Port 22, the engine's usual socket, the user's own ssh setup. */
    public Ssh(String user, String host) {
      this(user, host, 22, DEFAULT_SOCKET, SshKeys.USERS);
    }

    /** The same endpoint, authenticated with {@code keys}. */
    public Ssh withKeys(SshKeys keys) {
      return new Ssh(user, host, port, socket, keys);
    }

    /** {@code user@host}, as ssh takes it. */
    String destination() {
      return (user.isEmpty() ? "" : user + "@") + host;
    }

    @Override
    public String address() {
      return "ssh://"
          + destination()
          + (port == 22 ? "" : ":" + port)
          + (socket.equals(DEFAULT_SOCKET) ? "" : socket);
    }
  }

  /**
   * The files ssh authenticates an {@link Ssh} host with (kiln.yaml {@code ssh: {identity,
   * known_hosts}}); each absent one is left to the user's ssh (agent, {@code ~/.ssh}).
   *
   * @param identity the private key to log in with (ssh {@code -i}); only it is offered
   * @param knownHosts the file holding the host's public key (ssh {@code UserKnownHostsFile})
   */
  record SshKeys(Optional<Path> identity, Optional<Path> knownHosts) {

    /** Nothing of kiln's own: the user's ssh setup decides. */
    public static final SshKeys USERS = new SshKeys(Optional.empty(), Optional.empty());

    public SshKeys {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(knownHosts, "knownHosts");
    }
  }

  /**
   * Reads an address as kiln.yaml gives it.
   *
   * @throws IllegalArgumentException saying what a valid address looks like
   */
  static HostEndpoint parse(String address, Optional<EngineTls> tls) {
    URI uri;
    try {
      uri = URI.create(address.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an address: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    switch (scheme) {
      case "unix" -> {
        if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getAuthority() != null) {
          throw new IllegalArgumentException("want unix:///PATH/TO/docker.sock");
        }
        noTls(tls, address);
        return new Unix(Path.of(uri.getPath()));
      }
      case "tcp" -> {
        if (uri.getHost() == null || uri.getPort() < 0) {
          throw new IllegalArgumentException("want tcp://HOST:PORT, e.g. tcp://builder1:2376");
        }
        if (tls.isEmpty()) {
          throw new IllegalArgumentException(
              "a tcp endpoint needs 'tls: {ca, cert, key}' (the client certificates of an engine"
                  + " started with --tlsverify); without TLS anyone reaching the port owns the"
                  + " host");
        }
        return new Tcp(uri.getHost(), uri.getPort(), tls);
      }
      case "ssh" -> {
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
          throw new IllegalArgumentException(
              "want ssh://USER@HOST, ssh://USER@HOST:PORT or"
                  + " ssh://USER@HOST:PORT/PATH/OF/docker.sock");
        }
        noTls(tls, address);
        String user = uri.getUserInfo() == null ? "" : uri.getUserInfo();
        String socket = uri.getPath().isEmpty() ? Ssh.DEFAULT_SOCKET : uri.getPath();
        int port = uri.getPort() < 0 ? 22 : uri.getPort();
        return new Ssh(user, uri.getHost(), port, socket, SshKeys.USERS);
      }
      default ->
          throw new IllegalArgumentException(
              "want unix:///PATH, tcp://HOST:PORT (with tls) or ssh://USER@HOST");
    }
  }

  private static void noTls(Optional<EngineTls> tls, String address) {
    if (tls.isPresent()) {
      throw new IllegalArgumentException("'tls' goes with tcp:// endpoints only, not " + address);
    }
  }
}
