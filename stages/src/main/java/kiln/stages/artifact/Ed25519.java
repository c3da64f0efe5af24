package kiln.stages.artifact;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 on the JDK's provider, with keys in libsodium's raw layout: a 32-byte public key and a
 * 64-byte secret key (the 32-byte seed followed by the public key). The JDK wants DER, so the raw
 * bytes are wrapped in the fixed X.509 and PKCS#8 prefixes for Ed25519.
 */
final class Ed25519 {

  static final int PUBLIC_LENGTH = 32;
  static final int SECRET_LENGTH = 64;
  static final int SIGNATURE_LENGTH = 64;

  private static final byte[] PUBLIC_DER = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] SECRET_DER =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private Ed25519() {}

  /** A fresh key pair as libsodium's 64-byte secret key (seed then public key). */
  static byte[] generateSecret() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] seed = lastBytes(pair.getPrivate().getEncoded(), 32);
      byte[] pub = lastBytes(pair.getPublic().getEncoded(), PUBLIC_LENGTH);
      byte[] secret = Arrays.copyOf(seed, SECRET_LENGTH);
      System.arraycopy(pub, 0, secret, 32, PUBLIC_LENGTH);
      return secret;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** The 64-byte detached signature of a message, made with the seed of a secret key. */
  static byte[] sign(byte[] secret, byte[] message) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      byte[] der = concat(SECRET_DER, Arrays.copyOf(secret, 32));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** True when the signature is the public key's signature of the message. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(
          factory.generatePublic(new X509EncodedKeySpec(concat(PUBLIC_DER, publicKey))));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A key that is not a curve point or a malformed signature verifies nothing.
      return false;
    }
  }

  /** True when the secret key's second half is the public key of its seed. */
  static boolean isConsistent(byte[] secret) {
    byte[] probe = "kiln key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return verify(Arrays.copyOfRange(secret, 32, SECRET_LENGTH), probe, sign(secret, probe));
  }

  private static byte[] lastBytes(byte[] bytes, int count) {
    return Arrays.copyOfRange(bytes, bytes.length - count, bytes.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
