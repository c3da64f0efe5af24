package kiln.stages.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;
import kiln.stages.artifact.Staging;
import kiln.stages.artifact.WrittenHart;
import kiln.world.PackageIdent;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageStoreInstallTest {

  private static final String IDENT = "demo/hello/1.0.0/20261121120000";
  private static final String PREFIX = "hab/pkgs/" + IDENT + "/";

  @TempDir Path tmp;

  private OriginKeys keys;
  private SecretSigningKey key;
  private PackageStore store;

  @BeforeEach
  void setUp() throws Exception {
    keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    key = keys.latestSigningKey("demo");
    store = new PackageStore(tmp.resolve("store"));
  }

  @Test
  void installUnpacksAVerifiedArtifactWithModesLinksAndMtimes() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));

    InstalledPackage installed = store.install(hart, keys);

    assertEquals(PackageIdent.parse(IDENT), installed.ident());
    Path dir = tmp.resolve("store/" + PREFIX);
    assertEquals(dir, installed.dir());
    assertEquals("#!/bin/sh\necho hello\n", Files.readString(dir.resolve("bin/hello")));
    assertEquals(
        "rwxr-xr-x",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/hello"))));
    assertEquals(Path.of("libhello.so.1"), Files.readSymbolicLink(dir.resolve("lib/libhello.so")));
    assertEquals(
        Instant.parse("2026-11-21T12:00:00Z"),
        Files.getLastModifiedTime(dir.resolve("share/doc/README")).toInstant());
    assertEquals(Optional.of("x86_64-linux"), installed.target());
    assertEquals(List.of(installed), store.installed());
    assertEquals(List.of(), hidden());
  }

  @Test
  void anArtifactJustWrittenInstallsFromItsWritersHashesAsAVerifiedOneWould() throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage"), IDENT);
    WrittenHart written =
        new HartWriter(key, Optional.empty())
            .writeHashed(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));

    InstalledPackage installed = store.installWritten(written);

    Path dir = tmp.resolve("store/" + PREFIX);
    assertEquals(dir, installed.dir());
    assertEquals("#!/bin/sh\necho hello\n", Files.readString(dir.resolve("bin/hello")));
    assertEquals(
        Instant.parse("2026-11-21T12:00:00Z"),
        Files.getLastModifiedTime(dir.resolve("share/doc/README")).toInstant());
    // The store noted the signed hash: installing the same file the verified way finds it there.
    Files.delete(dir.resolve("share/doc/README"));
    assertEquals(installed, store.install(written.path(), keys));
    assertTrue(Files.notExists(dir.resolve("share/doc/README")), "not unpacked again");
    assertEquals(List.of(), hidden());
  }

  @Test
  void installingTwiceChangesNothing() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    InstalledPackage first = store.install(hart, keys);
    assertEquals(first, store.install(hart, keys));
    assertEquals(List.of(first), store.installed());
  }

  @Test
  void installingAgainLeavesTheInstalledPackageAsItIs() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    InstalledPackage first = store.install(hart, keys);
    // A file removed from the store stays removed: the second install only verified the artifact.
    Files.delete(first.dir().resolve("share/doc/README"));
    assertEquals(first, store.install(hart, keys));
    assertTrue(Files.notExists(first.dir().resolve("share/doc/README")));
  }

  @Test
  void anArtifactTamperedAfterItsInstallIsStillRefused() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    store.install(hart, keys);
    byte[] bytes = Files.readAllBytes(hart);
    bytes[bytes.length - 30] ^= 1;
    Files.write(hart, bytes);

    ArtifactException e = assertThrows(ArtifactException.class, () -> store.install(hart, keys));

    assertTrue(e.getMessage().contains("content was altered"), e.getMessage());
  }

  @Test
  void aPackageRemovedFromTheStoreIsUnpackedAgain() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    InstalledPackage first = store.install(hart, keys);
    Trees.deleteQuietly(first.dir());
    assertEquals(first, store.install(hart, keys));
    assertEquals("#!/bin/sh\necho hello\n", Files.readString(first.dir().resolve("bin/hello")));
  }

  @Test
  void aTamperedArtifactInstallsNothing() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    byte[] bytes = Files.readAllBytes(hart);
    bytes[bytes.length - 30] ^= 1;
    Files.write(hart, bytes);

    ArtifactException e = assertThrows(ArtifactException.class, () -> store.install(hart, keys));

    assertTrue(e.getMessage().contains("content was altered"), e.getMessage());
    assertNothingInstalled();
  }

  @Test
  void anArtifactWhoseKeyIsMissingInstallsNothing() throws Exception {
    Path hart = hart(Staging.sample(tmp.resolve("stage"), IDENT));
    Path empty = Files.createDirectories(tmp.resolve("no-keys"));
    ArtifactException e =
        assertThrows(ArtifactException.class, () -> store.install(hart, OriginKeys.in(empty)));
    assertTrue(
        e.getMessage().startsWith("no public key demo-20261121120000.pub in "), e.getMessage());
    assertNothingInstalled();
  }

  @Test
  void signedButHostileArtifactsAreRefusedAndWriteNothing() throws Exception {
    assertRefused(base().file("../../escape", "x"), "'..' in path");
    assertRefused(base().file("/etc/escape", "x"), "absolute or empty path");
    assertRefused(base().file(PREFIX + "lib/../../../../../../../escape", "x"), "'..' in path");
    assertRefused(
        base().file("hab/pkgs/demo/other/1.0.0/20261121120000/x", "x"),
        "outside the package's prefix");
    assertRefused(base().file("etc/passwd", "x"), "outside hab/pkgs/origin/name/version/release");
    assertRefused(base().symlink(PREFIX + "etc", "/etc"), "points outside /hab");
    assertRefused(base().symlink(PREFIX + "up", "../../../../../../etc"), "points outside /hab");
    assertRefused(
        base().symlink(PREFIX + "other", "/hab/pkgs/core/glibc").file(PREFIX + "other/x", "x"),
        "written through the symbolic link");
    assertRefused(
        base()
            .file(PREFIX + "lib/sub/real", "x")
            .symlink(PREFIX + "lib2", "lib")
            .file(PREFIX + "lib2/sub/through", "x"),
        "written through the symbolic link " + PREFIX + "lib2");
    assertRefused(
        base()
            .file(PREFIX + "lib/real", "x")
            .symlink(PREFIX + "lib2", "lib")
            .link(PREFIX + "hard", PREFIX + "lib2/real", TarConstants.LF_LINK),
        "its hard link target goes through the symbolic link " + PREFIX + "lib2");
    assertRefused(
        base().special(PREFIX + "dev/null", TarConstants.LF_CHR),
        "device, fifo or other special file");
    assertRefused(
        base().special(PREFIX + "fifo", TarConstants.LF_FIFO),
        "device, fifo or other special file");
    assertRefused(
        base().link(PREFIX + "hard", "etc/shadow", TarConstants.LF_LINK), "hard link target");
    assertRefused(base().file(PREFIX + "bin/hello", "again"), "appears twice");
    assertTrue(Files.notExists(tmp.resolve("escape")));
    assertTrue(Files.notExists(tmp.resolve("store/escape")));
  }

  @Test
  void anIdentThatDisagreesWithThePathIsRefused() throws Exception {
    Path hart =
        new StoreFixture()
            .dir(PREFIX)
            .file(PREFIX + "IDENT", "demo/hello/2.0/20261121120000\n")
            .sign(key, tmp.resolve("liar.hart"));
    StoreException e = assertThrows(StoreException.class, () -> store.install(hart, keys));
    assertTrue(
        e.getMessage().contains("but its IDENT says 'demo/hello/2.0/20261121120000'"),
        e.getMessage());
    assertNothingInstalled();
  }

  @Test
  void relativeLinksInsideHabAndHardLinksWithinThePackageAreFine() throws Exception {
    Path hart =
        base()
            .symlink(PREFIX + "glibc", "../../../../core/glibc/2.36/20260101000000/lib")
            .link(PREFIX + "bin/hello2", PREFIX + "bin/hello", TarConstants.LF_LINK)
            .sign(key, tmp.resolve("links.hart"));
    InstalledPackage installed = store.install(hart, keys);
    assertEquals("hello", Files.readString(installed.dir().resolve("bin/hello2")));
  }

  private StoreFixture base() throws Exception {
    return new StoreFixture()
        .dir(PREFIX)
        .file(PREFIX + "IDENT", IDENT + "\n")
        .dir(PREFIX + "bin")
        .file(PREFIX + "bin/hello", "hello");
  }

  private void assertRefused(StoreFixture fixture, String why) throws Exception {
    Path hart = fixture.sign(key, Files.createTempFile(tmp, "hostile", ".hart"));
    StoreException e = assertThrows(StoreException.class, () -> store.install(hart, keys));
    assertTrue(e.getMessage().startsWith(hart + ": refusing entry '"), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertNothingInstalled();
  }

  private void assertNothingInstalled() throws Exception {
    assertEquals(List.of(), store.installed());
    assertEquals(List.of(), hidden());
  }

  private List<Path> hidden() throws Exception {
    if (!Files.isDirectory(store.root())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(store.root())) {
      return list.filter(
              p -> !List.of("hab", ".kiln-installed").contains(p.getFileName().toString()))
          .toList();
    }
  }

  private Path hart(Staging staging) throws Exception {
    return new HartWriter(key, Optional.empty())
        .write(staging.root(), staging.ident(), "x86_64-linux", tmp.resolve("results"));
  }
}
