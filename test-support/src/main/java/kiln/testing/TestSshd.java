package kiln.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An sshd of a test's own (openssh-server, which bin/setup installs; never the system's): on
 * 127.0.0.1 and a free port, as the current user, with its own host key and config in a folder of
 * the test's, accepting exactly one key the test made. The user's ~/.ssh is never read or written:
 * the test's ssh client gets {@link #identity()} and {@link #knownHosts()}.
 */
public final class TestSshd implements AutoCloseable {

  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final int port;
  private Process sshd;

  private TestSshd(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Makes the keys and config in {@code dir} and starts sshd; it answers when this returns. */
  public static TestSshd start(Path dir) throws Exception {
    if (!Files.isExecutable(SSHD)) {
      throw new IllegalStateException(
          "no " + SSHD + ": run bin/setup (it installs openssh-server)");
    }
    Files.createDirectories(dir);
    keygen(dir.resolve("host_key"));
    keygen(dir.resolve("id_ed25519"));
    keygen(dir.resolve("wrong_id_ed25519"));
    Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Files.writeString(
        dir.resolve("known_hosts"),
        "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")));
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "ListenAddress 127.0.0.1",
            "Port " + port,
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "StrictModes no", // the test's temporary folder is not a home's .ssh
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "UsePAM no",
            "PermitRootLogin prohibit-password",
            "AllowStreamLocalForwarding yes",
            "PidFile none",
            ""));
    TestSshd started = new TestSshd(dir, port);
    started.restart();
    return started;
  }

  /** Starts sshd again (after {@link #kill}) on the same port, with the same keys. */
  public void restart() throws Exception {
    // sshd run as root needs its privilege-separation folder; the package's boot files make it
    Path privsep = Path.of("/run/sshd");
    if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(privsep)) {
      Files.createDirectories(privsep);
    }
    sshd =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!sshd.isAlive()) {
        throw new IllegalStateException("sshd ended: " + Files.readString(dir.resolve("sshd.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "sshd did not listen in 10s: " + Files.readString(dir.resolve("sshd.log")));
  }

  /** SIGKILL to sshd and to every connection's process of it: the machine's ssh is gone. */
  public void kill() throws InterruptedException {
    List<ProcessHandle> all = sshd.descendants().toList();
    sshd.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    sshd.waitFor();
    for (ProcessHandle p : all) {
      Processes.endsWithin(p.pid(), java.time.Duration.ofSeconds(5));
    }
  }

  /** The port sshd listens on at 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The private key sshd accepts. */
  public Path identity() {
    return dir.resolve("id_ed25519");
  }

  /** A private key sshd does not accept. */
  public Path wrongIdentity() {
    return dir.resolve("wrong_id_ed25519");
  }

  /** A known_hosts file with sshd's host key. */
  public Path knownHosts() {
    return dir.resolve("known_hosts");
  }

  /** The user the test runs as, whom sshd lets in with {@link #identity()}. */
  public String user() {
    return System.getProperty("user.name");
  }

  /** The ssh clients now forwarding from a socket in {@code folder} (kiln's tunnels), by pid. */
  public static List<Long> tunnelsFrom(Path folder) {
    String prefix = folder.toAbsolutePath() + "/";
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false))
        .filter(
            p ->
                Arrays.stream(p.info().arguments().orElse(new String[0]))
                    .anyMatch(a -> a.startsWith(prefix)))
        .map(ProcessHandle::pid)
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private static void keygen(Path key) throws Exception {
    Process p =
        new ProcessBuilder(
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                "kiln-test",
                "-f",
                key.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ssh-keygen " + key + ": " + out);
    }
  }
}
