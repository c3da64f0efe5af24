package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshenTest {

  private static final BuildTime BUILT = new BuildTime(Instant.parse("2026-01-02T03:04:05Z"), true);
  private static final BuildTime LATER =
      new BuildTime(Instant.parse("2026-02-03T04:05:06Z"), false);
  @TempDir Path dir;
  private Path old;
  private byte[] oldBytes;

  @BeforeEach
  void aTarballMadeByHandWithGnuTar() throws Exception {
    // As the seed's maintainers did: GNU tar, GNU long names, their own owners and times.
    Path tools = dir.resolve("lfs/tools");
    Trees.write(tools.resolve("bin/hab"), "old hab\n", 0755);
    Trees.write(tools.resolve("bin/rq"), "rq\n", 0755);
    Trees.write(tools.resolve("etc/cacert.pem"), "certs\n".repeat(100), 0644);
    Trees.write(tools.resolve("lib/" + "x".repeat(120)), "long\n", 0644);
    Files.createSymbolicLink(tools.resolve("bin/unzip"), Path.of("busybox"));
    old = dir.resolve("habitat-studio-stage1-20160612022150.tar.xz");
    Trees.run(dir.resolve("lfs"), "sh", "-c", "tar cf - tools | xz -1 > " + old);
    oldBytes = Files.readAllBytes(old);
  }

  private BuiltTarball freshen(BuildTime time, Map<String, Path> puts, List<String> removes)
      throws TarballException {
    return new ToolsTarball(time, 2, 1024)
        .freshen(old, new FreshenRequest(puts, removes), dir.resolve("out"));
  }

  @Test
  void replacesOneEntryAndCopiesEveryOtherByteForByte() throws Exception {
    Path newHab = Trees.write(dir.resolve("hab"), "new hab, bigger\n", 0755);
    BuiltTarball fresh = freshen(LATER, Map.of("tools/bin/hab", newHab), List.of());

    assertEquals(
        "habitat-studio-stage1-20260203040506.tar.xz", fresh.path().getFileName().toString());
    assertArrayEquals(oldBytes, Files.readAllBytes(old), "the old tarball is untouched");
    Map<String, byte[]> before = rawEntries(old);
    Map<String, byte[]> after = rawEntries(fresh.path());
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      if (name.equals("tools/bin/hab")) {
        assertNotEquals(new String(before.get(name)), new String(after.get(name)));
      } else {
        assertArrayEquals(before.get(name), after.get(name), name + " must be copied unchanged");
      }
    }
    Path unpacked = dir.resolve("unpacked");
    ToolsTarball.extract(fresh.path(), unpacked);
    assertEquals("new hab, bigger\n", Files.readString(unpacked.resolve("bin/hab")));
    Trees.run(dir, "xz", "-t", fresh.path().toString());
  }

  @Test
  void addsEntriesWithTheirDirectoriesAndRemovesOthers() throws Exception {
    Path wget = Trees.write(dir.resolve("wget"), "wget\n", 0755);
    BuiltTarball fresh =
        freshen(BUILT, Map.of("tools/sbin/wget.real", wget), List.of("tools/bin/rq", "tools/etc"));
    List<String> names = ToolsTarball.list(fresh.path()).stream().map(TarballEntry::path).toList();
    assertTrue(names.contains("tools/sbin/"), names.toString());
    assertTrue(names.indexOf("tools/sbin/") < names.indexOf("tools/sbin/wget.real"));
    assertTrue(
        !names.contains("tools/bin/rq") && !names.contains("tools/etc/cacert.pem"),
        names.toString());
    assertEquals(List.of(), ToolsTarball.verify(fresh.path()));
  }

  @Test
  void aNewNameNeverEqualsTheOld() throws Exception {
    BuildTime sameSecond = new BuildTime(Instant.parse("2016-06-12T02:21:50Z"), false);
    Path hab = Trees.write(dir.resolve("hab"), "h\n", 0755);
    BuiltTarball fresh = freshen(sameSecond, Map.of("tools/bin/hab", hab), List.of());
    assertEquals(
        "habitat-studio-stage1-20160612022151.tar.xz", fresh.path().getFileName().toString());
  }

  @Test
  void twoFreshensInOneSecondWithOtherPutsDoNotReplaceEachOther() throws Exception {
    BuiltTarball first =
        freshen(
            LATER, Map.of("tools/bin/hab", Trees.write(dir.resolve("a"), "a\n", 0755)), List.of());
    byte[] bytes = Files.readAllBytes(first.path());
    Path other = Trees.write(dir.resolve("b"), "b\n", 0755);
    TarballException e =
        assertThrows(
            TarballException.class,
            () -> freshen(LATER, Map.of("tools/bin/hab", other), List.of()));
    assertTrue(e.getMessage().startsWith(first.path() + " already exists"), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(first.path()));
  }

  @Test
  void refusesBeforeWritingWhenARemovedEntryIsMissingOrAPutHasNoSource() {
    Map<String, Path> puts = new LinkedHashMap<>();
    puts.put("tools/bin/hab", dir.resolve("no-such-file"));
    TarballException e =
        assertThrows(TarballException.class, () -> freshen(LATER, puts, List.of("tools/bin/nope")));
    assertTrue(e.getMessage().contains("--remove tools/bin/nope: no such entry"), e.getMessage());
    assertTrue(
        e.getMessage().contains("--put tools/bin/hab=" + dir.resolve("no-such-file")),
        e.getMessage());
    assertTrue(
        Files.notExists(dir.resolve("out")) || dir.resolve("out").toFile().list().length == 0);
  }

  @Test
  void refusesToFreshenATarballThatVerifyRefuses() throws Exception {
    Path hostile = dir.resolve("hostile-20260101000000.tar.xz");
    try (HandMadeTarball t = new HandMadeTarball(hostile)) {
      t.dir("tools/").dir("tools/bin/").symlink("tools/bin/sh", "/bin/sh");
    }
    Path hab = Trees.write(dir.resolve("hab"), "h\n", 0755);
    TarballException e =
        assertThrows(
            TarballException.class,
            () ->
                new ToolsTarball(LATER, 2, 1024)
                    .freshen(
                        hostile,
                        new FreshenRequest(Map.of("tools/bin/hab", hab), List.of()),
                        dir.resolve("out")));
    assertEquals(
        "cannot freshen "
            + hostile
            + ": it has 1 problem(s), as kiln stage0 verify reports them, and a copy would keep"
            + " them; rebuild it from its spec instead:\n"
            + "  tools/bin/sh is a symlink to /bin/sh, outside /tools/",
        e.getMessage());
    assertTrue(Files.notExists(dir.resolve("out")));
  }

  @Test
  void theXzPresetIsTheRequestsNineByDefault() throws Exception {
    StringBuilder text = new StringBuilder();
    java.util.Random words = new java.util.Random(42);
    while (text.length() < 300_000) {
      text.append(Integer.toString(words.nextInt(50_000), 36))
          .append(words.nextInt(8) == 0 ? "\n" : " ");
    }
    Path hab = Trees.write(dir.resolve("hab"), text.toString(), 0755);
    Map<String, Path> puts = Map.of("tools/bin/hab", hab);
    ToolsTarball tarballs = new ToolsTarball(BUILT, 2);
    byte[] byDefault =
        Files.readAllBytes(
            tarballs.freshen(old, new FreshenRequest(puts, List.of()), dir.resolve("d")).path());
    byte[] nine =
        Files.readAllBytes(
            tarballs.freshen(old, new FreshenRequest(puts, List.of(), 9), dir.resolve("9")).path());
    Path fastFile =
        tarballs.freshen(old, new FreshenRequest(puts, List.of(), 0), dir.resolve("0")).path();
    assertArrayEquals(nine, byDefault);
    assertTrue(
        Files.size(fastFile) > nine.length,
        "preset 0 is faster and larger: " + Files.size(fastFile) + " vs " + nine.length);
    Trees.run(dir, "xz", "-t", fastFile.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new FreshenRequest(puts, List.of(), 10));
    assertEquals("--xz-preset 10: must be a whole number from 0 to 9", e.getMessage());
  }

  /** Each entry's header blocks and content, exactly as stored, by name. */
  private static Map<String, byte[]> rawEntries(Path tarball) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = TarballInput.xz(tarball)) {
      RawTarReader reader = new RawTarReader(in);
      for (RawTarReader.RawEntry raw; (raw = reader.next()) != null; ) {
        byte[] data = reader.data(raw.size()).readAllBytes();
        byte[] both = new byte[raw.header().length + data.length];
        System.arraycopy(raw.header(), 0, both, 0, raw.header().length);
        System.arraycopy(data, 0, both, raw.header().length, data.length);
        entries.put(raw.entry().getName(), both);
      }
    }
    return entries;
  }
}
