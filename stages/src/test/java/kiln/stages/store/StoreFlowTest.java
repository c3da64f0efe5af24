package kiln.stages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kiln.stages.artifact.FilesMetadata;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.stages.artifact.Staging;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The way a build uses the store: install artifacts, resolve its deps, compute its TDEPS. */
class StoreFlowTest {

  @TempDir Path tmp;

  @Test
  void builtArtifactsInstallResolveAndGiveTheirTdeps() throws Exception {
    OriginKeys keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("core");
    SecretSigningKey key = keys.latestSigningKey("core");
    String headers = "core/linux-headers/6.1/20261101000000";
    String glibc = "core/glibc/2.36/20261102000000";
    String zlib = "core/zlib/1.3/20261103000000";
    PackageStore store = new PackageStore(tmp.resolve("store"));
    store.install(hart(key, headers, ""), keys);
    store.install(hart(key, glibc, headers), keys);
    store.install(hart(key, zlib, glibc + "\n" + headers), keys);

    List<InstalledPackage> direct =
        store.resolveAll(
            List.of(PackageIdent.parse("core/zlib"), PackageIdent.parse("core/glibc")),
            "x86_64-linux");

    assertEquals(
        List.of(PackageIdent.parse(zlib), PackageIdent.parse(glibc)),
        direct.stream().map(InstalledPackage::ident).toList());
    assertEquals(
        List.of(PackageIdent.parse(zlib), PackageIdent.parse(glibc), PackageIdent.parse(headers)),
        store.transitiveDeps(direct));
    assertEquals(3, store.installed().size());
  }

  private Path hart(SecretSigningKey key, String ident, String tdeps) throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage-" + ident.replace('/', '-')), ident);
    if (!tdeps.isEmpty()) {
      staging.file("TDEPS", tdeps + "\n");
    }
    FilesMetadata.write(staging.root(), staging.ident(), key);
    return new HartWriter(key, Optional.empty())
        .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));
  }
}
