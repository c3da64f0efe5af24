package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HartCommandsTest {

  private static final PackageIdent IDENT = PackageIdent.parse("demo/hello/1.0.0/20261121120000");

  @TempDir Path tmp;

  private Path keys;
  private Path hart;

  @BeforeEach
  void buildAnArtifact() throws Exception {
    keys = tmp.resolve("keys");
    OriginKeys origin =
        new OriginKeys(keys, Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    origin.generate("demo");
    SecretSigningKey key = origin.latestSigningKey("demo");
    Path stage = tmp.resolve("stage");
    Path prefix = Packages.prefix(stage, IDENT);
    Files.createDirectories(prefix.resolve("bin"));
    Files.writeString(prefix.resolve("IDENT"), IDENT + "\n");
    Files.writeString(prefix.resolve("TARGET"), "x86_64-linux\n");
    Files.writeString(prefix.resolve("DEPS"), "core/glibc/2.36/20260101000000\n");
    Files.writeString(
        prefix.resolve("TDEPS"),
        "core/glibc/2.36/20260101000000\ncore/linux-headers/6.1/20260101000000\n");
    Files.writeString(prefix.resolve("bin/hello"), "#!/bin/sh\necho hello\n");
    FilesMetadata.write(stage, IDENT, key);
    hart =
        new HartWriter(key, Optional.empty())
            .write(stage, IDENT, "x86_64-linux", tmp.resolve("results"));
  }

  @Test
  void infoShowsWhatTheArtifactHolds() throws Exception {
    CliRun run = CliRun.of("hart", "info", hart.toString());

    assertEquals(0, run.exit(), run.err());
    String size = "size: " + Files.size(hart) + "\n";
    assertTrue(run.out().contains(size), run.out());
    assertTrue(
        run.out()
            .startsWith(
                "ident: demo/hello/1.0.0/20261121120000\n"
                    + "target: x86_64-linux\n"
                    + "signer: demo-20261121120000\n"
                    + "deps: core/glibc/2.36/20260101000000\n"
                    + "tdeps: core/glibc/2.36/20260101000000 core/linux-headers/6.1/20260101000000\n"
                    + "build_deps: \n"
                    + "build_tdeps: \n"),
        run.out());
    assertTrue(run.out().endsWith("files: 6\n"), run.out());
  }

  @Test
  void verifyExitsZeroForAnIntactArtifact() {
    CliRun run = CliRun.of("hart", "verify", hart.toString(), "--keys", keys.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(hart + ": verified, signed by demo-20261121120000\n", run.out());
  }

  @Test
  void verifyNamesTheMissingKey() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun run = CliRun.of("hart", "verify", hart.toString(), "--keys", empty.toString());
    assertEquals(1, run.exit());
    assertEquals(
        "kiln: no public key demo-20261121120000.pub in "
            + empty
            + ": import it (kiln origin key import FILE --keys "
            + empty
            + ") or pass the --keys that holds it\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void theMissingKeyVerifiesOnceImportedAsTheMessageSays() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    CliRun refused = CliRun.of("hart", "verify", hart.toString(), "--keys", elsewhere.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("kiln origin key import FILE"), refused.err());

    Path pub = keys.resolve("demo-20261121120000.pub");
    CliRun imported =
        CliRun.of("origin", "key", "import", pub.toString(), "--keys", elsewhere.toString());
    assertEquals(0, imported.exit(), imported.err());

    CliRun run = CliRun.of("hart", "verify", hart.toString(), "--keys", elsewhere.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void verifySaysWhenTheContentWasAltered() throws Exception {
    byte[] bytes = Files.readAllBytes(hart);
    bytes[bytes.length - 10] ^= 1;
    Files.write(hart, bytes);

    CliRun run = CliRun.of("hart", "verify", hart.toString(), "--keys", keys.toString());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("kiln: " + hart + ": content was altered"), run.err());
  }

  @Test
  void verifyChecksAFilesDocumentToo() {
    Path files = Packages.prefix(tmp.resolve("stage"), IDENT).resolve("FILES");
    CliRun run = CliRun.of("hart", "verify", files.toString(), "--keys", keys.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void infoOfSomethingElseFailsWithHabitatsMessage() throws Exception {
    Path notHart = Files.writeString(tmp.resolve("plan.sh"), "pkg_name=hello\n");
    CliRun run = CliRun.of("hart", "info", notHart.toString());
    assertEquals(1, run.exit());
    assertEquals(
        "kiln: "
            + notHart
            + " is not a .hart artifact: it does not start with HART-1 (a signed Habitat"
            + " artifact); it starts with \"pkg_name=hello\"\n",
        run.err());
  }

  @Test
  void aMissingFileIsSaidSimply() {
    CliRun run =
        CliRun.of("hart", "verify", tmp.resolve("nope.hart").toString(), "--keys", keys.toString());
    assertEquals(1, run.exit());
    assertEquals("kiln: " + tmp.resolve("nope.hart") + ": no such file\n", run.err());
  }
}
