package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import kiln.testing.TestCertificates;
import kiln.testing.TestCertificates.Authority;
import kiln.testing.TestCertificates.Issued;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick ping over TLS against a TLS server that demands a client certificate as {@code dockerd
 * --tlsverify} does: it answers when each side's certificate is signed by the CA the other trusts,
 * and each way it can fail is told naming the file to look at. (Against a real engine:
 * orchestrator's TlsHostIT.)
 */
class EngineProbeTlsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  @TempDir static Path dir;
  static Authority ca;
  static Authority stranger;
  static EngineTls client;

  @BeforeAll
  static void certificates() throws IOException {
    ca = TestCertificates.authority(dir, "ca");
    stranger = TestCertificates.authority(dir, "stranger");
    Issued mine = ca.client(dir, "client");
    client = new EngineTls(ca.cert(), mine.cert(), mine.key());
  }

  /** An engine presenting a certificate {@code signer} made for {@code names}, trusting ca. */
  private static TlsTestEngine engine(Authority signer, String... names) throws IOException {
    Issued server = signer.server(dir, "server-" + names[0], names);
    return TlsTestEngine.tls(new EngineTls(ca.cert(), server.cert(), server.key()));
  }

  private static Optional<String> ping(TlsTestEngine engine, EngineTls tls) {
    return EngineProbe.problem(new DockerEndpoint(engine.host(), Optional.of(tls)), DEADLINE);
  }

  @Test
  void anEngineAnswersWhenEachSidesCertificateIsSignedByTheCaTheOtherTrusts() throws Exception {
    try (TlsTestEngine engine = engine(ca, "127.0.0.1")) {
      assertEquals(Optional.empty(), ping(engine, client));
    }
  }

  @Test
  void anEngineWhoseCertificateAnotherCaSignedIsNotTrusted() throws Exception {
    try (TlsTestEngine engine = engine(stranger, "127.0.0.1")) {
      assertEquals(
          Optional.of(
              "the Docker engine at "
                  + engine.host()
                  + " over TLS: its certificate is not signed by the CA in "
                  + ca.cert()
                  + "; give kiln the CA that signed the engine's --tlscert"),
          ping(engine, client));
    }
  }

  @Test
  void aClientCertificateTheEngineDoesNotTrustIsToldNamingTheFile() throws Exception {
    Issued foreign = stranger.client(dir, "foreign");
    try (TlsTestEngine engine = engine(ca, "127.0.0.1")) {
      assertEquals(
          Optional.of(
              "the Docker engine at "
                  + engine.host()
                  + " over TLS: it refused kiln's client certificate "
                  + foreign.cert()
                  + "; it must be signed by the CA the engine was started with (--tlscacert)"),
          ping(engine, new EngineTls(ca.cert(), foreign.cert(), foreign.key())));
    }
  }

  @Test
  void anEngineCertificateForAnotherAddressIsNotTrusted() throws Exception {
    try (TlsTestEngine engine = engine(ca, "builder9.example.org")) {
      Optional<String> problem = ping(engine, client);
      assertTrue(
          problem.orElse("").contains("its certificate is not made out to 127.0.0.1"),
          problem.toString());
    }
  }

  @Test
  void aPortThatDoesNotSpeakTlsIsToldSo() throws Exception {
    try (TlsTestEngine engine = TlsTestEngine.plain()) {
      Optional<String> problem = ping(engine, client);
      assertTrue(
          problem
              .orElse("")
              .startsWith(
                  "the Docker engine at "
                      + engine.host()
                      + " over TLS: it"
                      + " does not speak TLS on that port"),
          problem.toString());
    }
  }

  @Test
  void unreadableTlsFilesAreToldBeforeDialling() throws Exception {
    Path gone = dir.resolve("gone-key.pem");
    try (TlsTestEngine engine = engine(ca, "127.0.0.1")) {
      Optional<String> problem = ping(engine, new EngineTls(client.ca(), client.cert(), gone));
      assertEquals(
          Optional.of(
              "the Docker engine at "
                  + engine.host()
                  + " over TLS: cannot read the TLS key "
                  + gone
                  + ": no such file or directory"),
          problem);
    }
  }
}
