package kiln.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Certificates for TLS tests, made by the real {@code openssl} as an engine's administrator would
 * (Docker's "Protect the Docker daemon socket" recipe): a CA, and server and client certificates it
 * signs. Each test makes its own in a temporary folder, so nothing is shared or left behind.
 */
public final class TestCertificates {

  private TestCertificates() {}

  /** A PEM certificate and its unencrypted PEM key. */
  public record Issued(Path cert, Path key) {}

  /** A certificate authority: signs server and client certificates. */
  public record Authority(Path cert, Path key) {

    /** A server certificate naming {@code addresses} (IPs or DNS names) in its subjectAltName. */
    public Issued server(Path dir, String name, String... addresses) throws IOException {
      List<String> names = new ArrayList<>();
      for (String address : addresses) {
        names.add((address.matches("[0-9.]+|.*:.*") ? "IP:" : "DNS:") + address);
      }
      return issue(
          dir,
          name,
          "subjectAltName=" + String.join(",", names) + "\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate, as {@code dockerd --tlsverify} wants one. */
    public Issued client(Path dir, String name) throws IOException {
      return issue(dir, name, "extendedKeyUsage=clientAuth\n");
    }

    private Issued issue(Path dir, String name, String extensions) throws IOException {
      Files.createDirectories(dir);
      Issued issued = new Issued(dir.resolve(name + "-cert.pem"), dir.resolve(name + "-key.pem"));
      Path request = dir.resolve(name + ".csr");
      Path ext = Files.writeString(dir.resolve(name + ".ext"), extensions);
      openssl(
          ("req -new -newkey rsa:2048 -nodes -subj /CN="
                  + name
                  + " -keyout "
                  + issued.key()
                  + " -out "
                  + request)
              .split(" "));
      openssl(
          ("x509 -req -in "
                  + request
                  + " -CA "
                  + cert
                  + " -CAkey "
                  + key
                  + " -set_serial 0x"
                  + serial()
                  + " -days 2 -extfile "
                  + ext
                  + " -out "
                  + issued.cert())
              .split(" "));
      return issued;
    }
  }

  /** A new self-signed CA named {@code name}, its files in {@code dir}. */
  public static Authority authority(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Authority ca = new Authority(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
    openssl(
        ("req -x509 -new -newkey rsa:2048 -nodes -subj /CN="
                + name
                + " -days 2 -keyout "
                + ca.key()
                + " -out "
                + ca.cert())
            .split(" "));
    return ca;
  }

  /**
   * Runs {@code openssl} with {@code args}.
   *
   * @throws IOException with what it printed, when it fails
   */
  public static void openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes());
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + said);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static String serial() {
    byte[] bytes = new byte[8];
    new SecureRandom().nextBytes(bytes);
    bytes[0] &= 0x7f;
    return HexFormat.of().formatHex(bytes);
  }
}
