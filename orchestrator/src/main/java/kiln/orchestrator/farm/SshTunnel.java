package kiln.orchestrator.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ssh -L} forward from a local socket to a build host's Docker socket: kiln needs nothing
 * on the host but sshd and the engine, and authenticates as the user's ssh does (keys, agent,
 * ~/.ssh/config); {@code BatchMode} so that a missing key fails instead of asking.
 */
final class SshTunnel {

  /** The engine's socket on the far host. */
  static final String REMOTE_SOCKET = "/var/run/docker.sock";

  private final Process ssh;
  private final Path socket;

  private SshTunnel(Process ssh, Path socket) {
    this.ssh = ssh;
    this.socket = socket;
  }

  /** Opens the forward and waits (up to 15 s) for its local socket. */
  static SshTunnel open(HostEndpoint.Ssh host, Path socket) throws IOException {
    Files.createDirectories(socket.getParent());
    Files.deleteIfExists(socket);
    List<String> command =
        new ArrayList<>(
            List.of(
                "ssh",
                "-nNT",
                "-o",
                "BatchMode=yes",
                "-o",
                "ExitOnForwardFailure=yes",
                "-o",
                "ServerAliveInterval=5",
                "-p",
                Integer.toString(host.port()),
                "-L",
                socket + ":" + REMOTE_SOCKET,
                (host.user().isEmpty() ? "" : host.user() + "@") + host.host()));
    Process ssh =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    for (int i = 0; i < 150 && ssh.isAlive() && !Files.exists(socket); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        ssh.destroy();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while opening the ssh tunnel to " + host.address(), e);
      }
    }
    if (!Files.exists(socket)) {
      String said = ssh.isAlive() ? "" : new String(ssh.getInputStream().readAllBytes()).strip();
      ssh.destroy();
      throw new IOException(
          "no ssh tunnel to "
              + host.address()
              + (said.isEmpty() ? " within 15s" : ": " + said)
              + " (kiln runs `ssh` in batch mode: the key must be in the agent or ~/.ssh)");
    }
    return new SshTunnel(ssh, socket);
  }

  boolean alive() {
    return ssh.isAlive();
  }

  String dockerHost() {
    return "unix://" + socket;
  }

  void close() {
    ssh.destroy();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // a stale socket is removed by the next open
    }
  }
}
