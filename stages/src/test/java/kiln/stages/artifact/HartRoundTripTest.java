package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HartRoundTripTest {

  @TempDir Path tmp;

  @Test
  void aWrittenArtifactVerifiesAndTellsWhatItHolds() throws Exception {
    OriginKeys keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    Staging staging =
        Staging.sample(tmp.resolve("stage"), "demo/hello/1.0.0/20261121120000")
            .file("DEPS", "core/glibc/2.36/20260101000000\n");
    SecretSigningKey key = keys.latestSigningKey("demo");
    FilesMetadata.write(staging.root(), staging.ident(), key);
    Path hart =
        new HartWriter(key, Optional.empty())
            .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));

    assertEquals(
        "demo-hello-1.0.0-20261121120000-x86_64-linux.hart", hart.getFileName().toString());
    assertEquals("demo-20261121120000", Hart.open(hart).verify(keys).toString());
    HartInfo info = Hart.open(hart).info();
    assertEquals(staging.ident(), info.ident());
    assertEquals("x86_64-linux", info.target());
    assertEquals(List.of(PackageIdent.parse("core/glibc/2.36/20260101000000")), info.deps());
  }
}
