package kiln.orchestrator.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code ssh -L} forward from a local socket to a build host's Docker socket: kiln needs nothing
 * on the host but sshd and the engine. ssh authenticates with the host's {@link
 * HostEndpoint.SshKeys} or else as the user's ssh does (agent, ~/.ssh, ~/.ssh/config), in batch
 * mode so that a missing key or an unknown host key fails instead of asking.
 *
 * <p>The socket is {@code <folder>/NAME-PID.sock} (PID: this kiln's), so a {@code kiln hosts}
 * beside a running bootstrap opens a tunnel of its own; ssh's own words go to {@code
 * <folder>/NAME-PID.log}.
 */
final class SshTunnel {

  /** How long ssh may take to log in and open the forward. */
  static final Duration OPENING = Duration.ofSeconds(15);

  private final Process ssh;
  private final Path socket;
  private final Path log;

  private SshTunnel(Process ssh, Path socket, Path log) {
    this.ssh = ssh;
    this.socket = socket;
    this.log = log;
  }

  /**
   * Opens the forward to {@code host}'s engine for the build host {@code name}, and waits until its
   * local socket is there.
   *
   * @throws IOException saying ssh's reason and what to check
   */
  static SshTunnel open(String name, HostEndpoint.Ssh host, Path tunnels) throws IOException {
    Path folder = Files.createDirectories(tunnels).toAbsolutePath();
    endLeftOvers(folder, name);
    String base = name + "-" + ProcessHandle.current().pid();
    Path socket = folder.resolve(base + ".sock");
    Path log = folder.resolve(base + ".log");
    Files.deleteIfExists(socket);
    Process ssh =
        new ProcessBuilder(command(host, socket))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile()) // a pipe nobody reads would stall ssh once full
            .start();
    SshTunnel tunnel = new SshTunnel(ssh, socket, log);
    long deadline = System.nanoTime() + OPENING.toNanos();
    try {
      while (ssh.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      tunnel.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening the ssh tunnel to " + host.address(), e);
    }
    if (ssh.isAlive() && Files.exists(socket)) {
      return tunnel;
    }
    String said = tunnel.said();
    tunnel.close();
    String reason = said.isEmpty() ? "ssh opened none within " + OPENING.toSeconds() + "s" : said;
    throw new IOException(
        "no ssh tunnel to "
            + host.address()
            + ": "
            + reason
            + (reason.endsWith(".") ? "" : ".")
            + " kiln runs ssh in batch mode, which never asks for a password or about a new host"
            + " key: try `"
            + String.join(" ", login(host))
            + " true` by hand (its key must be in the remote user's authorized_keys, the"
            + " host's key in known_hosts)");
  }

  /** ssh's options for a login to {@code host}, with no forward yet. */
  private static List<String> login(HostEndpoint.Ssh host) {
    List<String> command = new ArrayList<>(List.of("ssh", "-p", Integer.toString(host.port())));
    host.keys()
        .identity()
        .ifPresent(
            key -> command.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes")));
    host.keys()
        .knownHosts()
        .ifPresent(file -> command.addAll(List.of("-o", "UserKnownHostsFile=" + file)));
    command.add(host.destination());
    return command;
  }

  private static List<String> command(HostEndpoint.Ssh host, Path socket) {
    List<String> login = login(host);
    List<String> command = new ArrayList<>(login.subList(0, login.size() - 1));
    command.addAll(
        List.of(
            "-nNT",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "ExitOnForwardFailure=yes",
            "-o",
            "ConnectTimeout=10",
            "-o",
            "ServerAliveInterval=5",
            // a connection of its own, never a shared master's: its end is the tunnel's end
            "-o",
            "ControlPath=none",
            "-L",
            socket + ":" + host.socket(),
            host.destination()));
    return command;
  }

  /**
   * Ends the tunnels to {@code name} that a kiln killed before it could close them left running
   * (their socket names a process that is gone): nothing else would ever end them.
   */
  private static void endLeftOvers(Path folder, String name) throws IOException {
    String base = folder + "/" + name + "-";
    Pattern theirs = Pattern.compile(Pattern.quote(base) + "([0-9]{1,18})\\.sock:.*");
    List<ProcessHandle> sshs =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
            .toList();
    for (ProcessHandle ssh : sshs) {
      for (String argument : ssh.info().arguments().orElse(new String[0])) {
        Matcher left = theirs.matcher(argument);
        if (left.matches() && ProcessHandle.of(Long.parseLong(left.group(1))).isEmpty()) {
          ssh.destroy();
          Files.deleteIfExists(Path.of(base + left.group(1) + ".sock"));
          Files.deleteIfExists(Path.of(base + left.group(1) + ".log"));
        }
      }
    }
  }

  boolean alive() {
    return ssh.isAlive();
  }

  String dockerHost() {
    return "unix://" + socket;
  }

  /** What ssh printed (its errors), one line. */
  private String said() throws IOException {
    return String.join("; ", Files.readAllLines(log)).strip();
  }

  /** Ends ssh (waiting for it, so no tunnel outlives kiln) and removes its socket and log. */
  void close() {
    ssh.destroy();
    try {
      if (!ssh.waitFor(2, TimeUnit.SECONDS)) {
        ssh.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      ssh.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a stale socket is removed by the next open
    }
  }
}
