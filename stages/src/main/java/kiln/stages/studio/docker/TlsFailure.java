package kiln.stages.studio.docker;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import kiln.world.IoFailures;

/**
 * Why kiln and a TLS engine could not agree, as a whole sentence naming the engine and the file to
 * look at. The JDK reports every case as a handshake failure whose message is a protocol detail
 * ("PKIX path building failed", "Received fatal alert: bad_certificate"); each is told here in the
 * terms of the three files and the engine's flags.
 */
final class TlsFailure extends IOException {

  /** Alerts an engine sends when it does not accept the client certificate kiln presented. */
  private static final List<String> REFUSED =
      List.of(
          "bad_certificate",
          "unknown_ca",
          "certificate_required",
          "certificate_unknown",
          "access_denied",
          "decrypt_error");

  TlsFailure(DockerEndpoint endpoint, String reason, Throwable cause) {
    super("the Docker engine at " + endpoint.host() + " over TLS: " + reason, cause);
  }

  /** The handshake (or the first read after it) failed: say which side refused which file. */
  static TlsFailure of(DockerEndpoint endpoint, String dialled, SSLException e) {
    EngineTls tls = endpoint.tls().orElseThrow();
    String said = chain(e);
    String reason;
    if (has(e, CertPathBuilderException.class)
        || has(e, CertPathValidatorException.class)
        || said.contains("pkix path")) {
      reason =
          "its certificate is not signed by the CA in "
              + tls.ca()
              + "; give kiln the CA that signed the engine's --tlscert";
    } else if (has(e, CertificateException.class)
        && (said.contains("subject alternative") || said.contains("no name matching"))) {
      reason =
          "its certificate is not made out to "
              + dialled
              + "; the engine's certificate must name that address in its subjectAltName, or"
              + " the endpoint must use a name the certificate has";
    } else if (REFUSED.stream().anyMatch(said::contains)) {
      return refused(endpoint, e);
    } else if (said.contains("unrecognized ssl message") || said.contains("plaintext")) {
      reason =
          "it does not speak TLS on that port (an engine without --tlsverify, or not an engine"
              + " at all); the TLS port of an engine is usually 2376";
    } else {
      reason = "the TLS handshake failed: " + IoFailures.describe(e);
    }
    return new TlsFailure(endpoint, reason, e);
  }

  /** The engine did not accept the client certificate kiln presented. */
  static TlsFailure refused(DockerEndpoint endpoint, IOException e) {
    return new TlsFailure(
        endpoint,
        "it refused kiln's client certificate "
            + endpoint.tls().orElseThrow().cert()
            + "; it must be signed by the CA the engine was started with (--tlscacert)",
        e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Every message along the cause chain, lower case, to look for the JDK's phrases in. */
  private static String chain(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }
}
