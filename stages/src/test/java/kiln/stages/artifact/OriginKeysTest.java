package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginKeysTest {

  @TempDir Path tmp;

  private OriginKeys at(String time) {
    return new OriginKeys(tmp.resolve("keys"), Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
  }

  @Test
  void generateWritesHabitatKeyFilesNamedByTheUtcRevision() throws Exception {
    GeneratedKey key = at("2026-11-21T12:34:56Z").generate("demo");

    assertEquals("demo-20261121123456", key.name().toString());
    assertEquals(tmp.resolve("keys/demo-20261121123456.pub"), key.publicFile());
    assertEquals(tmp.resolve("keys/demo-20261121123456.sig.key"), key.secretFile());
    assertEquals(
        "r--r--r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(key.publicFile())));
    assertEquals(
        "r--------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(key.secretFile())));
    String pub = Files.readString(key.publicFile());
    String sec = Files.readString(key.secretFile());
    assertTrue(pub.matches("SIG-PUB-1\ndemo-20261121123456\n\n[A-Za-z0-9+/]{43}="), pub);
    assertTrue(sec.matches("SIG-SEC-1\ndemo-20261121123456\n\n[A-Za-z0-9+/]{86}=="), sec);
    byte[] secret = Base64.getDecoder().decode(sec.substring(sec.lastIndexOf('\n') + 1));
    byte[] pubKey = Base64.getDecoder().decode(pub.substring(pub.lastIndexOf('\n') + 1));
    assertEquals(
        Base64.getEncoder().encodeToString(pubKey),
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(secret, 32, 64)));
  }

  @Test
  void theLatestRevisionSignsAndSimilarOriginsAreIgnored() throws Exception {
    at("2026-01-01T00:00:00Z").generate("demo");
    at("2026-03-01T00:00:00Z").generate("demo");
    at("2026-02-01T00:00:00Z").generate("demo");
    at("2027-01-01T00:00:00Z").generate("demo-extra");

    OriginKeys keys = at("2026-12-01T00:00:00Z");
    assertEquals("demo-20260301000000", keys.latestSigningKey("demo").name().toString());
    assertEquals(
        "demo-20260301000000", keys.latestPublicKey("demo").orElseThrow().name().toString());
  }

  @Test
  void twoKeysInOneSecondAreRefused() throws Exception {
    OriginKeys keys = at("2026-11-21T12:00:00Z");
    keys.generate("demo");
    ArtifactException e = assertThrows(ArtifactException.class, () -> keys.generate("demo"));
    assertEquals(
        "key demo-20261121120000 already exists in "
            + keys.directory()
            + ": generate again in a second",
        e.getMessage());
  }

  @Test
  void originsFollowHabitatsRule() {
    OriginKeys keys = at("2026-11-21T12:00:00Z");
    for (String bad : new String[] {"Demo", "-demo", "de/mo", "", "demo.x"}) {
      ArtifactException e = assertThrows(ArtifactException.class, () -> keys.generate(bad));
      assertTrue(e.getMessage().startsWith("invalid origin '" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void aMissingSigningKeySaysHowToMakeOne() {
    OriginKeys keys = at("2026-11-21T12:00:00Z");
    ArtifactException e =
        assertThrows(ArtifactException.class, () -> keys.latestSigningKey("demo"));
    assertEquals(
        "no signing key for origin 'demo' in "
            + keys.directory()
            + ": run 'kiln origin key generate demo --keys "
            + keys.directory()
            + "' or pass --keys",
        e.getMessage());
  }

  @Test
  void badKeyFilesAreReportedWithTheirLine() throws Exception {
    OriginKeys keys = at("2026-11-21T12:00:00Z");
    GeneratedKey key = keys.generate("demo");
    String good = Files.readString(key.publicFile());
    String[] lines = good.split("\n");
    Path file = key.publicFile();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertBad(
        keys,
        file,
        "SIG-PUB-2\n" + lines[1] + "\n\n" + lines[3],
        ":1: expected 'SIG-PUB-1', found 'SIG-PUB-2'");
    assertBad(
        keys,
        file,
        lines[0] + "\ndemo-2026\n\n" + lines[3],
        ":2: Cannot parse named revision 'demo-2026'");
    assertBad(
        keys,
        file,
        lines[0] + "\ndemo-20251121120000\n\n" + lines[3],
        ":2: the key is named 'demo-20251121120000' but the file is named 'demo-20261121120000.pub'");
    assertBad(
        keys,
        file,
        lines[0] + "\n" + lines[1] + "\nx\n" + lines[3],
        ":3: expected an empty line, found 'x'");
    assertBad(keys, file, lines[0] + "\n" + lines[1] + "\n\n%%%", ":4: the key is not base64");
    assertBad(
        keys, file, lines[0] + "\n" + lines[1] + "\n\nAAAA", ":4: the key is 3 bytes, expected 32");
    assertBad(
        keys,
        file,
        lines[0] + "\n" + lines[1] + "\n\n" + lines[3] + "\nmore",
        ":5: unexpected text after the key");
    Files.writeString(file, good + "\n");
    assertEquals(key.name(), keys.publicKey(key.name()).name());
  }

  @Test
  void aDamagedSecretKeyIsRefused() throws Exception {
    OriginKeys keys = at("2026-11-21T12:00:00Z");
    GeneratedKey key = keys.generate("demo");
    String text = Files.readString(key.secretFile());
    byte[] secret = Base64.getDecoder().decode(text.substring(text.lastIndexOf('\n') + 1));
    secret[40] ^= 1;
    Files.setPosixFilePermissions(key.secretFile(), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(
        key.secretFile(),
        text.substring(0, text.lastIndexOf('\n') + 1) + Base64.getEncoder().encodeToString(secret));

    ArtifactException e =
        assertThrows(ArtifactException.class, () -> keys.latestSigningKey("demo"));

    assertEquals(
        key.secretFile()
            + ":4: secret key demo-20261121120000 is damaged: its public half does not match its seed",
        e.getMessage());
  }

  @Test
  void theDefaultDirectoryIsKilnKeysElseHome() {
    Path home = Path.of("/home/someone");
    assertEquals(
        Path.of("/srv/keys"), OriginKeys.defaultDirectory(Map.of("KILN_KEYS", "/srv/keys"), home));
    assertEquals(Path.of("/home/someone/.kiln/keys"), OriginKeys.defaultDirectory(Map.of(), home));
  }

  private static void assertBad(OriginKeys keys, Path file, String content, String message)
      throws Exception {
    Files.writeString(file, content);
    ArtifactException e =
        assertThrows(
            ArtifactException.class, () -> keys.publicKey(KeyName.parse("demo-20261121120000")));
    assertTrue(e.getMessage().startsWith(file + message), e.getMessage());
  }
}
