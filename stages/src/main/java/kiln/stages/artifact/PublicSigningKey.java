package kiln.stages.artifact;

import java.util.Arrays;
import java.util.Optional;

/** An origin's public signing key: 32 raw Ed25519 bytes, as a {@code SIG-PUB-1} file holds it. */
public final class PublicSigningKey {

  private final KeyName name;
  private final byte[] key;

  /**
   * @throws IllegalArgumentException when the key is not 32 bytes
   */
  public PublicSigningKey(KeyName name, byte[] key) {
    if (key.length != Ed25519.PUBLIC_LENGTH) {
      throw new IllegalArgumentException(
          "public key " + name + " is " + key.length + " bytes, expected 32");
    }
    this.name = name;
    this.key = key.clone();
  }

  public KeyName name() {
    return name;
  }

  /**
   * Opens a message signed in libsodium's combined mode (64-byte signature, then the message).
   *
   * @return the message, or empty when the signature does not verify with this key
   */
  public Optional<byte[]> open(byte[] combined) {
    if (combined.length < Ed25519.SIGNATURE_LENGTH) {
      return Optional.empty();
    }
    byte[] signature = Arrays.copyOf(combined, Ed25519.SIGNATURE_LENGTH);
    byte[] message = Arrays.copyOfRange(combined, Ed25519.SIGNATURE_LENGTH, combined.length);
    return Ed25519.verify(key, message, signature) ? Optional.of(message) : Optional.empty();
  }

  byte[] bytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicSigningKey that
        && name.equals(that.name)
        && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "public key " + name;
  }
}
