package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln's artifacts and keys against libsodium, the library Habitat signs and verifies with, by
 * Habitat's rules (habitat-formats.md section 1) as an independent C program implements them.
 */
class SodiumInteropTest {

  @TempDir Path tmp;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void libsodiumVerifiesWhatKilnSigns() throws Exception {
    OriginKeys keys = new OriginKeys(tmp.resolve("keys"), clock);
    keys.generate("demo");
    Path hart = writeHart(keys.latestSigningKey("demo"));

    Sodium.Result result = Sodium.run("verify", keys.directory().toString(), hart.toString());

    assertEquals(0, result.exit(), result.err());
    assertEquals("demo-20261121120000", result.out());
  }

  @Test
  void libsodiumFindsATamperedKilnArtifact() throws Exception {
    OriginKeys keys = new OriginKeys(tmp.resolve("keys"), clock);
    keys.generate("demo");
    Path hart = writeHart(keys.latestSigningKey("demo"));
    byte[] bytes = Files.readAllBytes(hart);
    bytes[bytes.length - 100] ^= 1;
    Files.write(hart, bytes);

    Sodium.Result result = Sodium.run("verify", keys.directory().toString(), hart.toString());

    assertEquals(1, result.exit());
    assertTrue(result.err().contains("hashes don't match"), result.err());
  }

  @Test
  void kilnVerifiesWhatLibsodiumSignsAsHabitatDoes() throws Exception {
    Path keyDir = Files.createDirectories(tmp.resolve("keys"));
    assertEquals(0, Sodium.run("keygen", "demo-20261121120000", keyDir.toString()).exit());
    Path payload = tmp.resolve("payload.tar.xz");
    Staging staging = Staging.sample(tmp.resolve("stage"), "demo/hello/1.0.0/20261121120000");
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    HartWriter.writePayload(staging.root(), staging.ident(), Instant.EPOCH, tar);
    Files.write(payload, tar.toByteArray());
    Path hart = tmp.resolve("habitat-signed.hart");

    Sodium.Result signed =
        Sodium.run(
            "sign",
            keyDir.resolve("demo-20261121120000.sig.key").toString(),
            payload.toString(),
            hart.toString());

    assertEquals(0, signed.exit(), signed.err());
    assertEquals("demo-20261121120000", Hart.open(hart).verify(OriginKeys.in(keyDir)).toString());
    assertEquals(staging.ident(), Hart.open(hart).info().ident());
  }

  @Test
  void kilnReadsLibsodiumSecretKeysAndLibsodiumUsesKilnSecretKeys() throws Exception {
    Path keyDir = Files.createDirectories(tmp.resolve("keys"));
    Sodium.run("keygen", "demo-20261121120000", keyDir.toString());
    SecretSigningKey fromSodium = OriginKeys.in(keyDir).latestSigningKey("demo");
    Path hart = writeHart(fromSodium);
    assertEquals(0, Sodium.run("verify", keyDir.toString(), hart.toString()).exit());

    OriginKeys kilnKeys = new OriginKeys(tmp.resolve("kiln-keys"), clock);
    GeneratedKey generated = kilnKeys.generate("demo");
    Path payload = Files.writeString(tmp.resolve("payload"), "any payload");
    Path signed = tmp.resolve("signed");
    assertEquals(
        0,
        Sodium.run("sign", generated.secretFile().toString(), payload.toString(), signed.toString())
            .exit());
    assertEquals(generated.name(), Hart.open(signed).verify(kilnKeys));
  }

  @Test
  void bothComputeTheSameBlake2b256() throws Exception {
    Path file = Files.writeString(tmp.resolve("data"), "hello, habitat\n".repeat(1000));
    assertEquals(Blake2b.hexOf(file), Sodium.run("hash", file.toString()).out());
  }

  private Path writeHart(SecretSigningKey key) throws Exception {
    Staging staging =
        Staging.sample(
            tmp.resolve("stage-" + System.nanoTime()), "demo/hello/1.0.0/20261121120000");
    FilesMetadata.write(staging.root(), staging.ident(), key);
    return new HartWriter(key, Optional.empty())
        .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));
  }
}
