package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys and signatures made by Habitat itself (src/test/resources/habitat-fixtures/README.md says
 * where each comes from).
 */
class HabitatFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/habitat-fixtures");

  private static final KeyName HAPPYHUMANS = KeyName.parse("happyhumans-20160424223347");

  /**
   * The header signature of Habitat's fixture happyhumans-possums-8.1.4-20160427165340
   * -x86_64-linux.hart, as Habitat's own test (components/core/src/crypto/artifact.rs) quotes it.
   */
  private static final String POSSUMS_SIGNATURE =
      "U0cp/+npru0ZxhK76zm+PDVSV/707siyrO1r7T6CZZ4ShSLrIxyx8jLSMr5wnLuGrVIV358smQPWOSTOmyfFCjBmMmM1"
          + "ZjRkZTE0NWM3Zjc4NjAxY2FhZTljN2I4NzY3MDk4NDEzZDA1NzM5ZGU5MTNjMDEyOTIyYjdlZWQ3NjA=";

  private static final String POSSUMS_HASH =
      "0f2c5f4de145c7f78601caae9c7b8767098413d05739de913c012922b7eed760";

  @TempDir Path tmp;

  private final OriginKeys keys = OriginKeys.in(FIXTURES);

  @Test
  void habitatsSignatureOfARealArtifactVerifiesWithItsPublicKey() throws Exception {
    byte[] signed = Base64.getDecoder().decode(POSSUMS_SIGNATURE);
    Optional<byte[]> message = keys.publicKey(HAPPYHUMANS).open(signed);
    assertEquals(POSSUMS_HASH, new String(message.orElseThrow(), StandardCharsets.US_ASCII));
  }

  @Test
  void kilnSignsByteForByteAsHabitatDid() throws Exception {
    SecretSigningKey key = keys.latestSigningKey("happyhumans");
    HartHeader header = HartHeader.sign(key, POSSUMS_HASH);
    // Ed25519 is deterministic: the same key and hash give Habitat's exact signature.
    assertEquals(POSSUMS_SIGNATURE, header.encodedSignature());
  }

  @Test
  void habitatsSecretKeyMatchesItsPublicKey() throws Exception {
    SecretSigningKey secret = keys.latestSigningKey("happyhumans");
    assertEquals(HAPPYHUMANS, secret.name());
    assertEquals(keys.publicKey(HAPPYHUMANS), secret.publicKey());
  }

  @Test
  void aHeaderWithABadSignerNameFailsWithHabitatsMessage() {
    ArtifactException e =
        assertThrows(
            ArtifactException.class, () -> Hart.open(FIXTURES.resolve("bogus_and_corrupt.hart")));
    assertEquals(
        FIXTURES.resolve("bogus_and_corrupt.hart")
            + ": Cannot parse named revision 'happyhumans-20160424223347-not-valid-identifier!'",
        e.getMessage());
  }

  @Test
  void aKeyFileOfAnUnknownVersionSaysWhichLine() {
    Path file = FIXTURES.resolve("origin-key-invalid-version-20160518021451.sig.key");
    ArtifactException e =
        assertThrows(
            ArtifactException.class,
            () -> OriginKeys.in(FIXTURES).latestSigningKey("origin-key-invalid-version"));
    assertEquals(file + ":1: expected 'SIG-SEC-1', found 'NONSENSE-15'", e.getMessage());
  }

  @Test
  void anArtifactSignedWithHabitatsKeyVerifiesWithLibsodium() throws Exception {
    SecretSigningKey key = keys.latestSigningKey("happyhumans");
    Staging staging =
        Staging.sample(tmp.resolve("stage"), "happyhumans/possums/8.1.4/20160427165340");
    Path hart =
        new HartWriter(key, Optional.empty())
            .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));

    Sodium.Result result = Sodium.run("verify", FIXTURES.toString(), hart.toString());

    assertEquals(0, result.exit(), result.err());
    assertEquals(HAPPYHUMANS.toString(), result.out());
  }
}
