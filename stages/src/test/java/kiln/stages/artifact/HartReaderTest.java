package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and verifying HART-1 documents, and every way they can be wrong. */
class HartReaderTest {

  @TempDir Path tmp;

  private OriginKeys keys;
  private Path hart;

  @BeforeEach
  void writeAnArtifact() throws Exception {
    keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    Staging staging = Staging.sample(tmp.resolve("stage"), "demo/hello/1.0.0/20261121120000");
    hart =
        new HartWriter(keys.latestSigningKey("demo"), Optional.empty())
            .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));
  }

  @Test
  void anIntactArtifactVerifiesAndNamesItsSigner() throws Exception {
    assertEquals(KeyName.parse("demo-20261121120000"), Hart.open(hart).verify(keys));
  }

  @Test
  void theHeaderIsFiveLinesAndThePayloadFollows() throws Exception {
    Hart opened = Hart.open(hart);
    String text = new String(Files.readAllBytes(hart), StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\n", 6);
    assertEquals("HART-1", lines[0]);
    assertEquals("demo-20261121120000", lines[1]);
    assertEquals("BLAKE2b", lines[2]);
    assertEquals(172, lines[3].length());
    assertEquals("", lines[4]);
    assertEquals(text.length() - lines[5].length(), opened.payloadOffset());
    try (var payload = opened.openPayload()) {
      byte[] xzMagic = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
      assertEquals(Arrays.toString(xzMagic), Arrays.toString(payload.readNBytes(6)));
    }
  }

  @Test
  void aTamperedPayloadIsReportedAsAlteredContent() throws Exception {
    byte[] bytes = Files.readAllBytes(hart);
    bytes[bytes.length - 50] ^= 0x20;
    Files.write(hart, bytes);

    ArtifactException e = assertThrows(ArtifactException.class, () -> Hart.open(hart).verify(keys));

    assertTrue(
        e.getMessage()
            .startsWith(
                hart + ": content was altered: Habitat artifact is invalid, hashes don't match"),
        e.getMessage());
  }

  @Test
  void anArtifactSignedByAnotherKeyOfTheSameNameIsABadSignature() throws Exception {
    OriginKeys impostor =
        new OriginKeys(
            tmp.resolve("other"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    impostor.generate("demo");

    ArtifactException e =
        assertThrows(ArtifactException.class, () -> Hart.open(hart).verify(impostor));

    assertTrue(
        e.getMessage().startsWith(hart + ": bad signature: it does not verify with "),
        e.getMessage());
  }

  @Test
  void aSignatureMovedFromAnotherArtifactDoesNotVerifyThisPayload() throws Exception {
    Staging other =
        Staging.sample(tmp.resolve("stage2"), "demo/hello/1.0.0/20261121120000").file("extra", "x");
    Path otherHart =
        new HartWriter(keys.latestSigningKey("demo"), Optional.empty())
            .write(other.root(), other.ident(), "x86_64-linux", tmp.resolve("results2"));
    Hart original = Hart.open(hart);
    byte[] header = Hart.open(otherHart).header().toBytes();
    byte[] payload;
    try (var in = original.openPayload()) {
      payload = in.readAllBytes();
    }
    Path franken = tmp.resolve("franken.hart");
    Files.write(franken, header);
    Files.write(franken, payload, java.nio.file.StandardOpenOption.APPEND);

    ArtifactException e =
        assertThrows(ArtifactException.class, () -> Hart.open(franken).verify(keys));

    assertTrue(e.getMessage().contains("content was altered"), e.getMessage());
  }

  @Test
  void aMissingPublicKeyIsNamed() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    ArtifactException e =
        assertThrows(ArtifactException.class, () -> Hart.open(hart).verify(OriginKeys.in(empty)));

    assertEquals(
        "no public key demo-20261121120000.pub in "
            + empty
            + ": import it (kiln origin key import FILE --keys "
            + empty
            + ") or pass the --keys that holds it",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Corrupt payload, can't read format version",
        "SOME-VERSION\\nuhoh|~ is not a .hart artifact: it does not start with HART-1 (a signed Habitat artifact); it starts with \"SOME-VERSION\"",
        "HART-2\\ncore-20160810182414\\n|Unsupported format version: HART-2",
        "HART-1\\n\\nuhoh|Cannot parse named revision ''",
        "HART-1\\nnope-nope\\nuhoh|Cannot parse named revision 'nope-nope'",
        "HART-1\\ncore-20160810182414\\n|Corrupt payload, can't read hash type",
        "HART-1\\ncore-20160810182414\\nBESTEST\\nuhoh|Unsupported signature type: BESTEST",
        "HART-1\\ncore-20160810182414\\nBLAKE2b\\n|Corrupt payload, can't read signature",
        "HART-1\\ncore-20160810182414\\nBLAKE2b\\nnot:base64:signature|Can't decode signature: ",
        "HART-1\\ncore-20160810182414\\nBLAKE2b\\nU3VycHJpc2Uh\\n|the signature is 9 bytes, expected 128",
      })
  void aBadHeaderFailsWithHabitatsMessage(String content, String message) throws Exception {
    Path file = tmp.resolve("bad.hart");
    Files.writeString(file, content.replace("\\n", "\n"));

    ArtifactException e = assertThrows(ArtifactException.class, () -> Hart.open(file));

    // "~" stands for the file name with no ": " after it.
    String expected = message.startsWith("~") ? file + message.substring(1) : file + ": " + message;
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void aHeaderWithoutItsEmptyLineFails() throws Exception {
    String[] lines =
        new String(Files.readAllBytes(hart), StandardCharsets.ISO_8859_1).split("\n", 6);
    Path file = tmp.resolve("no-end.hart");
    Files.writeString(file, String.join("\n", lines[0], lines[1], lines[2], lines[3]) + "\n");
    assertEquals(
        file
            + ": Corrupt payload, can't find end of header: the file ends after "
            + Files.size(file)
            + " bytes, inside the header: truncated (an incomplete download or copy?)",
        assertThrows(ArtifactException.class, () -> Hart.open(file)).getMessage());

    Files.writeString(
        file, String.join("\n", lines[0], lines[1], lines[2], lines[3], "junk") + "\n");
    assertEquals(
        file + ": Expected empty delimiter line in header; got 'junk'",
        assertThrows(ArtifactException.class, () -> Hart.open(file)).getMessage());
  }

  @Test
  void aTruncatedArtifactFails() throws Exception {
    byte[] bytes = Files.readAllBytes(hart);
    Path file = tmp.resolve("truncated.hart");
    Files.write(file, Arrays.copyOf(bytes, 40));
    ArtifactException e = assertThrows(ArtifactException.class, () -> Hart.open(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());

    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    ArtifactException cut =
        assertThrows(ArtifactException.class, () -> Hart.open(file).verify(keys));
    assertTrue(cut.getMessage().contains("content was altered"), cut.getMessage());
  }

  @Test
  void aBinaryFileIsNotTakenForAHeader() throws Exception {
    Path file = tmp.resolve("binary.hart");
    Files.write(file, new byte[100_000]);
    ArtifactException e = assertThrows(ArtifactException.class, () -> Hart.open(file));
    assertEquals(
        file
            + " is not a .hart artifact: it does not start with HART-1 (a signed Habitat artifact);"
            + " it starts with \"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
            + "\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00...\"",
        e.getMessage());
  }

  @Test
  void aBareXzTarballIsNoArtifactAndItsBytesAreNotPrinted() throws Exception {
    Path file = tmp.resolve("unsigned.hart");
    // The xz magic, then binary: what a tar.xz renamed to .hart starts with.
    byte[] bytes = new byte[600];
    byte[] magic = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4, (byte) 0xe6, (byte) 0xd6};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    for (int i = magic.length; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    Files.write(file, bytes);
    ArtifactException e = assertThrows(ArtifactException.class, () -> Hart.open(file));
    assertTrue(
        e.getMessage()
            .startsWith(
                file
                    + " is not a .hart artifact: it does not start with HART-1 (a signed Habitat"
                    + " artifact); it starts with \"\\xfd7zXZ\\x00\\x00\\x04\\xe6\\xd6"),
        e.getMessage());
    assertTrue(e.getMessage().length() < file.toString().length() + 250, e.getMessage());
    assertTrue(
        e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "only printable ASCII: " + e.getMessage());
  }

  @Test
  void headerLinesAreTrimmedAsHabitatDoes() throws Exception {
    byte[] bytes = Files.readAllBytes(hart);
    Hart original = Hart.open(hart);
    String header =
        new String(original.header().toBytes(), StandardCharsets.US_ASCII).replace("\n", " \r\n");
    Path file = tmp.resolve("crlf.hart");
    Files.write(file, header.getBytes(StandardCharsets.US_ASCII));
    Files.write(
        file,
        Arrays.copyOfRange(bytes, (int) original.payloadOffset(), bytes.length),
        java.nio.file.StandardOpenOption.APPEND);

    assertEquals(KeyName.parse("demo-20261121120000"), Hart.open(file).verify(keys));
  }
}
