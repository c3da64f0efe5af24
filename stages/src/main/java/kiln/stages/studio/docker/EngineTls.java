package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of an engine started with {@code --tlsverify}: the CA that signed the engine's
 * certificate, and kiln's own certificate and key, each a PEM file (Docker's {@code ca.pem}, {@code
 * cert.pem}, {@code key.pem}). The engine is trusted only when its certificate is signed by {@code
 * ca} and names the address kiln dialled; the engine accepts kiln only when {@code cert} is signed
 * by the CA it was given.
 *
 * @param ca the CA certificate(s) that signed the engine's certificate
 * @param cert kiln's client certificate (a chain may follow it in the file)
 * @param key the private key of {@code cert}: RSA or EC, unencrypted, in a PKCS#8, PKCS#1 or SEC1
 *     PEM block
 */
public record EngineTls(Path ca, Path cert, Path key) {

  public EngineTls {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
  }

  /**
   * The files {@code DOCKER_CERT_PATH} holds when {@code DOCKER_TLS_VERIFY} is set, as Docker's own
   * client reads them; empty otherwise.
   */
  static Optional<EngineTls> of(Map<String, String> environment) {
    String verify = environment.getOrDefault("DOCKER_TLS_VERIFY", "");
    String folder = environment.getOrDefault("DOCKER_CERT_PATH", "");
    if (verify.isEmpty() || verify.equals("0") || folder.isBlank()) {
      return Optional.empty();
    }
    Path dir = Path.of(folder);
    return Optional.of(
        new EngineTls(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem")));
  }

  /**
   * A TLS context that presents {@code cert} and trusts only {@code ca}, read from the files now.
   *
   * @throws IOException naming the file that cannot be read or used, or saying that the key is not
   *     the certificate's
   */
  public SSLContext sslContext() throws IOException {
    List<X509Certificate> authorities = PemFiles.certificates(ca, "CA certificate");
    List<X509Certificate> chain = PemFiles.certificates(cert, "client certificate");
    PrivateKey privateKey = PemFiles.privateKey(key);
    requireMatch(privateKey, chain.get(0));
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        trusted.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      char[] none = new char[0];
      KeyStore own = KeyStore.getInstance("PKCS12");
      own.load(null, null);
      own.setKeyEntry("client", privateKey, none, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(own, none);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot make a TLS client of " + cert + " and " + key + ": " + e.getMessage(), e);
    }
  }

  /** A key that is not the certificate's fails only in the handshake, as a vague alert: say so. */
  private void requireMatch(PrivateKey privateKey, X509Certificate certificate) throws IOException {
    String algorithm =
        switch (privateKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> privateKey.getAlgorithm();
        };
    byte[] probe = "kiln".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false; // e.g. an EC key beside an RSA certificate
    }
    if (!matches) {
      throw new IOException(
          "the TLS key "
              + key
              + " is not the key of the client certificate "
              + cert
              + "; give the key.pem made with that cert.pem");
    }
  }
}
