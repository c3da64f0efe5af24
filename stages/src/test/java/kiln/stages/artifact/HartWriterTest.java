package kiln.stages.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

class HartWriterTest {

  private static final String IDENT = "demo/hello/1.0.0/20261121120000";
  private static final String PREFIX = "hab/pkgs/" + IDENT + "/";

  @TempDir Path tmp;

  private SecretSigningKey key;

  @BeforeEach
  void key() throws Exception {
    OriginKeys keys =
        new OriginKeys(
            tmp.resolve("keys"),
            Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    keys.generate("demo");
    key = keys.latestSigningKey("demo");
  }

  @Test
  void entriesAreThePrefixSortedOwnedByRootWithTheReleaseAsMtime() throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage"), IDENT);
    Path hart = write(staging, Optional.empty(), tmp.resolve("results"));

    List<TarArchiveEntry> entries = entries(hart);
    List<String> names = entries.stream().map(TarArchiveEntry::getName).toList();
    assertEquals(
        List.of(
            PREFIX,
            PREFIX + "IDENT",
            PREFIX + "TARGET",
            PREFIX + "bin/",
            PREFIX + "bin/hello",
            PREFIX + "lib/",
            PREFIX + "lib/libhello.so",
            PREFIX + "lib/libhello.so.1",
            PREFIX + "share/",
            PREFIX + "share/doc/",
            PREFIX + "share/doc/README"),
        names);
    Instant release = Instant.parse("2026-11-21T12:00:00Z");
    for (TarArchiveEntry entry : entries) {
      assertEquals(0, entry.getLongUserId(), entry.getName());
      assertEquals(0, entry.getLongGroupId(), entry.getName());
      assertEquals(release, entry.getModTime().toInstant(), entry.getName());
    }
    TarArchiveEntry link = entries.get(names.indexOf(PREFIX + "lib/libhello.so"));
    assertTrue(link.isSymbolicLink());
    assertEquals("libhello.so.1", link.getLinkName());
    assertEquals(0755, entries.get(names.indexOf(PREFIX + "bin/hello")).getMode() & 07777);
    assertEquals(0644, entries.get(names.indexOf(PREFIX + "IDENT")).getMode() & 07777);
  }

  @Test
  void theSameTreeAndReleaseGiveTheSameBytesWhateverTheFileTimes() throws Exception {
    Path a =
        write(
            Staging.sample(tmp.resolve("a"), IDENT).touchAll(Instant.parse("2030-01-01T00:00:00Z")),
            Optional.empty(),
            tmp.resolve("ra"));
    Path b =
        write(
            Staging.sample(tmp.resolve("b"), IDENT).touchAll(Instant.parse("2031-05-05T00:00:00Z")),
            Optional.empty(),
            tmp.resolve("rb"));
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void sourceDateEpochClampsNewerMtimesAndKeepsOlderOnes() throws Exception {
    Instant epoch = Instant.parse("2025-01-01T00:00:00Z");
    Instant older = Instant.parse("2024-06-01T10:00:00Z");
    Staging staging =
        Staging.sample(tmp.resolve("stage"), IDENT).touchAll(Instant.parse("2030-01-01T00:00:00Z"));
    Files.setLastModifiedTime(
        staging.prefix().resolve("share/doc/README"), java.nio.file.attribute.FileTime.from(older));
    Path hart = write(staging, Optional.of(epoch), tmp.resolve("results"));

    for (TarArchiveEntry entry : entries(hart)) {
      Instant expected = entry.getName().endsWith("README") ? older : epoch;
      assertEquals(expected, entry.getModTime().toInstant(), entry.getName());
    }
    Staging later =
        Staging.sample(tmp.resolve("again"), IDENT).touchAll(Instant.parse("2032-01-01T00:00:00Z"));
    Files.setLastModifiedTime(
        later.prefix().resolve("share/doc/README"), java.nio.file.attribute.FileTime.from(older));
    Path again = write(later, Optional.of(epoch), tmp.resolve("r2"));
    assertArrayEquals(Files.readAllBytes(hart), Files.readAllBytes(again));
  }

  @Test
  void gnuTarAndXzReadThePayload() throws Exception {
    String deep = "share/" + "very-long-directory-name/".repeat(6) + "file.txt";
    Staging staging = Staging.sample(tmp.resolve("stage"), IDENT).file(deep, "deep\n");
    Path hart = write(staging, Optional.empty(), tmp.resolve("results"));
    long offset = Hart.open(hart).payloadOffset();
    Process tar =
        new ProcessBuilder(
                "sh",
                "-c",
                "tail -c +" + (offset + 1) + " \"$1\" | xz -d | tar -tf -",
                "sh",
                hart.toString())
            .redirectErrorStream(true)
            .start();
    String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tar.waitFor(), listing);
    assertTrue(listing.contains(PREFIX + "bin/hello\n"), listing);
    assertTrue(listing.contains(PREFIX + deep + "\n"), listing);
  }

  @Test
  void aFailedWriteLeavesNothingInTheResultsDirectory() throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage"), IDENT);
    Process mkfifo =
        new ProcessBuilder("mkfifo", staging.prefix().resolve("lib/zz-fifo").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    Path results = tmp.resolve("results");

    ArtifactException e =
        assertThrows(ArtifactException.class, () -> write(staging, Optional.empty(), results));

    assertTrue(e.getMessage().contains("zz-fifo is neither a file"), e.getMessage());
    try (var left = Files.list(results)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void anotherOriginsKeyCannotSign() throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage"), "core/hello/1.0.0/20261121120000");
    ArtifactException e =
        assertThrows(
            ArtifactException.class, () -> write(staging, Optional.empty(), tmp.resolve("r")));
    assertTrue(
        e.getMessage().contains("a package is signed with a key of its own origin (core)"),
        e.getMessage());
  }

  @Test
  void identAndTargetFilesMustAgreeWithTheArtifact() throws Exception {
    Staging staging = Staging.sample(tmp.resolve("stage"), IDENT).file("TARGET", "aarch64-linux\n");
    ArtifactException e =
        assertThrows(
            ArtifactException.class, () -> write(staging, Optional.empty(), tmp.resolve("r")));
    assertEquals(
        staging.prefix().resolve("TARGET")
            + " says 'aarch64-linux' but the artifact is for 'x86_64-linux'",
        e.getMessage());
  }

  @Test
  void sourceDateEpochIsReadFromTheEnvironment() throws Exception {
    assertEquals(
        Optional.of(Instant.ofEpochSecond(1700000000)),
        HartWriter.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "1700000000")));
    assertEquals(Optional.empty(), HartWriter.sourceDateEpoch(Map.of()));
    ArtifactException e =
        assertThrows(
            ArtifactException.class,
            () -> HartWriter.sourceDateEpoch(Map.of("SOURCE_DATE_EPOCH", "yesterday")));
    assertTrue(e.getMessage().startsWith("SOURCE_DATE_EPOCH='yesterday'"), e.getMessage());
  }

  private Path write(Staging staging, Optional<Instant> epoch, Path results) throws Exception {
    return new HartWriter(key, epoch)
        .write(staging.root(), staging.ident(), "x86_64-linux", results);
  }

  private static List<TarArchiveEntry> entries(Path hart) throws Exception {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (InputStream payload = Hart.open(hart).openPayload();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(payload))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
