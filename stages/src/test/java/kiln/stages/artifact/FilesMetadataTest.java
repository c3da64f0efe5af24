package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesMetadataTest {

  @TempDir Path tmp;

  @Test
  void filesIsASignedListOfEveryRegularFileSortedByPath() throws Exception {
    OriginKeys keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    Staging staging =
        Staging.sample(tmp.resolve("stage"), "demo/hello/1.0.0/20261121120000")
            .file("MANIFEST", "# demo/hello\n");

    Path files =
        FilesMetadata.write(staging.root(), staging.ident(), keys.latestSigningKey("demo"));

    assertEquals(staging.prefix().resolve("FILES"), files);
    Hart document = Hart.open(files);
    assertEquals(KeyName.parse("demo-20261121120000"), document.verify(keys));
    String p = "/hab/pkgs/demo/hello/1.0.0/20261121120000/";
    assertEquals(
        line(staging, "IDENT", p)
            + line(staging, "TARGET", p)
            + line(staging, "bin/hello", p)
            + line(staging, "lib/libhello.so.1", p)
            + line(staging, "share/doc/README", p),
        document.payloadText());
    Sodium.Result libsodium = Sodium.run("verify", keys.directory().toString(), files.toString());
    assertEquals(0, libsodium.exit(), libsodium.err());
  }

  private static String line(Staging staging, String file, String prefix) throws Exception {
    return Blake2b.hexOf(staging.prefix().resolve(file)) + "  " + prefix + file + "\n";
  }
}
