package kiln.stages.studio.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.world.IoFailures;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Certificates and a private key from PEM files as openssl writes them. The JDK reads PEM
 * certificates and PKCS#8 keys itself; the older {@code RSA PRIVATE KEY} (PKCS#1, what Docker's
 * guide and OpenSSL 1.x make) and {@code EC PRIVATE KEY} (SEC1) blocks are wrapped into PKCS#8 with
 * Bouncy Castle's ASN.1 types.
 */
final class PemFiles {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private PemFiles() {}

  /** Every certificate in {@code file}, in order; at least one. */
  static List<X509Certificate> certificates(Path file, String what) throws IOException {
    byte[] pem = read(file, what);
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      for (var c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        certificates.add((X509Certificate) c);
      }
    } catch (CertificateException e) {
      throw new IOException(
          "the " + what + " " + file + " is not a PEM certificate: " + IoFailures.describe(e), e);
    }
    if (certificates.isEmpty()) {
      throw new IOException(
          "the " + what + " " + file + " holds no '-----BEGIN CERTIFICATE-----' block");
    }
    return certificates;
  }

  /** The one private key in {@code file}. */
  static PrivateKey privateKey(Path file) throws IOException {
    String pem = new String(read(file, "TLS key"), StandardCharsets.US_ASCII);
    Matcher block = BLOCK.matcher(pem);
    while (block.find()) {
      String label = block.group(1);
      if (!label.endsWith("PRIVATE KEY")) {
        continue; // e.g. the EC PARAMETERS block openssl ecparam writes first
      }
      if (label.startsWith("ENCRYPTED") || block.group(2).contains("ENCRYPTED")) {
        throw new IOException(
            "the TLS key "
                + file
                + " is encrypted; kiln needs it unencrypted, as Docker's client does (`openssl"
                + " pkey -in "
                + file
                + " -out key.pem`)");
      }
      byte[] der = Base64.getMimeDecoder().decode(block.group(2));
      try {
        return decode(label, der);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IOException(
            "the TLS key " + file + " cannot be read as " + label + ": " + IoFailures.describe(e),
            e);
      }
    }
    throw new IOException(
        "the TLS key " + file + " holds no '-----BEGIN ... PRIVATE KEY-----' block");
  }

  private static PrivateKey decode(String label, byte[] der)
      throws GeneralSecurityException, IOException {
    return switch (label) {
      case "RSA PRIVATE KEY" ->
          KeyFactory.getInstance("RSA")
              .generatePrivate(
                  pkcs8(
                      new PrivateKeyInfo(
                          new AlgorithmIdentifier(
                              PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                          RSAPrivateKey.getInstance(der))));
      case "EC PRIVATE KEY" -> {
        ECPrivateKey ec = ECPrivateKey.getInstance(der);
        yield KeyFactory.getInstance("EC")
            .generatePrivate(
                pkcs8(
                    new PrivateKeyInfo(
                        new AlgorithmIdentifier(
                            X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
                        ec)));
      }
      case "PRIVATE KEY" -> pkcs8Key(der);
      default -> throw new GeneralSecurityException("not a kind of key kiln reads");
    };
  }

  /** A PKCS#8 key of whichever algorithm its header names. */
  private static PrivateKey pkcs8Key(byte[] der) throws GeneralSecurityException {
    ASN1ObjectIdentifier oid =
        PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm;
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      algorithm = "RSA";
    } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      algorithm = "EC";
    } else {
      throw new GeneralSecurityException("a key of algorithm " + oid + " (want RSA or EC)");
    }
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static PKCS8EncodedKeySpec pkcs8(PrivateKeyInfo info) throws IOException {
    return new PKCS8EncodedKeySpec(info.getEncoded());
  }

  private static byte[] read(Path file, String what) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(IoFailures.message("cannot read the " + what + " " + file, e), e);
    }
  }
}
