package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kiln.testing.TestCertificates;
import kiln.testing.TestCertificates.Authority;
import kiln.testing.TestCertificates.Issued;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the three PEM files of a TLS engine's client, and what is said when one is wrong. */
class EngineTlsTest {

  @TempDir static Path dir;
  static Authority ca;
  static Issued client;

  @BeforeAll
  static void certificates() throws IOException {
    ca = TestCertificates.authority(dir, "ca");
    client = ca.client(dir, "client");
  }

  @Test
  void aClientCertificateAndItsKeyMakeATlsContext() throws Exception {
    assertNotNull(new EngineTls(ca.cert(), client.cert(), client.key()).sslContext());
  }

  @Test
  void anRsaKeyInTheOlderPkcs1FormIsRead() throws Exception {
    Path traditional = dir.resolve("pkcs1-key.pem");
    TestCertificates.openssl(
        "rsa", "-in", client.key().toString(), "-traditional", "-out", traditional.toString());
    assertTrue(Files.readString(traditional).contains("BEGIN RSA PRIVATE KEY"));

    assertNotNull(new EngineTls(ca.cert(), client.cert(), traditional).sslContext());
  }

  @Test
  void anEcKeyAsOpensslEcparamWritesItIsRead() throws Exception {
    Path key = dir.resolve("ec-key.pem");
    Path cert = dir.resolve("ec-cert.pem");
    TestCertificates.openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", key.toString());
    TestCertificates.openssl(
        "req",
        "-x509",
        "-new",
        "-key",
        key.toString(),
        "-subj",
        "/CN=ec",
        "-days",
        "1",
        "-out",
        cert.toString());
    assertTrue(Files.readString(key).contains("BEGIN EC PARAMETERS"));
    assertTrue(Files.readString(key).contains("BEGIN EC PRIVATE KEY"));

    assertNotNull(new EngineTls(ca.cert(), cert, key).sslContext());
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsToldNamingBothFiles() throws Exception {
    Issued other = ca.client(dir, "other");
    EngineTls mixed = new EngineTls(ca.cert(), client.cert(), other.key());

    IOException e = assertThrows(IOException.class, mixed::sslContext);

    assertEquals(
        "the TLS key "
            + other.key()
            + " is not the key of the client certificate "
            + client.cert()
            + "; give the key.pem made with that cert.pem",
        e.getMessage());
  }

  @Test
  void aMissingCertificateFileIsNamed() {
    Path gone = dir.resolve("gone.pem");
    EngineTls tls = new EngineTls(ca.cert(), gone, client.key());

    IOException e = assertThrows(IOException.class, tls::sslContext);

    assertEquals(
        "cannot read the client certificate " + gone + ": no such file or directory",
        e.getMessage());
  }

  @Test
  void aCaFileThatIsNoCertificateIsNamed() throws Exception {
    EngineTls tls = new EngineTls(client.key(), client.cert(), client.key());

    IOException e = assertThrows(IOException.class, tls::sslContext);

    assertTrue(e.getMessage().startsWith("the CA certificate " + client.key()), e.getMessage());
  }

  @Test
  void anEncryptedKeyIsRefusedWithHowToDecryptIt() throws Exception {
    Path encrypted = dir.resolve("encrypted-key.pem");
    TestCertificates.openssl(
        "pkey",
        "-in",
        client.key().toString(),
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        encrypted.toString());
    EngineTls tls = new EngineTls(ca.cert(), client.cert(), encrypted);

    IOException e = assertThrows(IOException.class, tls::sslContext);

    assertTrue(e.getMessage().contains(encrypted + " is encrypted"), e.getMessage());
    assertTrue(e.getMessage().contains("openssl pkey -in " + encrypted), e.getMessage());
  }

  @Test
  void dockersOwnVariablesGiveTheTlsFilesOfATcpEngine() {
    Map<String, String> env =
        Map.of(
            "DOCKER_HOST", "tcp://builder1:2376",
            "DOCKER_TLS_VERIFY", "1",
            "DOCKER_CERT_PATH", "/etc/kiln/certs");

    DockerEndpoint endpoint = DockerEndpoint.of(env);

    Path certs = Path.of("/etc/kiln/certs");
    assertEquals(
        new DockerEndpoint(
            "tcp://builder1:2376",
            Optional.of(
                new EngineTls(
                    certs.resolve("ca.pem"), certs.resolve("cert.pem"), certs.resolve("key.pem")))),
        endpoint);
    assertEquals(
        Optional.empty(),
        DockerEndpoint.of(Map.of("DOCKER_HOST", "tcp://builder1:2375")).tls(),
        "without DOCKER_TLS_VERIFY the engine is spoken to in plain HTTP, as docker does");
  }
}
