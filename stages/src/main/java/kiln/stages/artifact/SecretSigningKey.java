package kiln.stages.artifact;

import java.util.Arrays;

/**
 * An origin's secret signing key: libsodium's 64-byte Ed25519 secret (seed, then public key), as a
 * {@code SIG-SEC-1} file holds it.
 */
public final class SecretSigningKey {

  private final KeyName name;
  private final byte[] secret;

  /**
   * @throws IllegalArgumentException when the bytes are not a consistent 64-byte Ed25519 secret
   */
  public SecretSigningKey(KeyName name, byte[] secret) {
    if (secret.length != Ed25519.SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "secret key " + name + " is " + secret.length + " bytes, expected 64");
    }
    if (!Ed25519.isConsistent(secret)) {
      throw new IllegalArgumentException(
          "secret key " + name + " is damaged: its public half does not match its seed");
    }
    this.name = name;
    this.secret = secret.clone();
  }

  /** A new key pair for an origin at a revision. */
  static SecretSigningKey generate(KeyName name) {
    return new SecretSigningKey(name, Ed25519.generateSecret());
  }

  public KeyName name() {
    return name;
  }

  /** The public half, to verify what this key signs. */
  public PublicSigningKey publicKey() {
    return new PublicSigningKey(name, Arrays.copyOfRange(secret, 32, 64));
  }

  /** Signs in libsodium's combined mode: the 64-byte signature followed by the message itself. */
  public byte[] signCombined(byte[] message) {
    byte[] signature = Ed25519.sign(secret, message);
    byte[] combined = Arrays.copyOf(signature, signature.length + message.length);
    System.arraycopy(message, 0, combined, signature.length, message.length);
    return combined;
  }

  byte[] bytes() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "secret key " + name;
  }
}
