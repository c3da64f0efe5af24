package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln build --network never}: a plan naming its real upstream URL builds from a source
 * mirror, and without the file in a mirror it fails before any download, saying which file with
 * which sha256 is missing and what to do (a chroot studio of busybox and a static bash).
 */
class SourceMirrorBuildTest {

  private static final String UPSTREAM = "https://downloads.example.invalid/mirrored-1.0.tar.gz";

  @TempDir Path tmp;
  @TempDir static Path shared;
  private static Path tools;
  private Path keys;
  private Path plan;
  private String sha256;

  @BeforeAll
  static void toolsTarball() throws Exception {
    tools = BusyboxTools.tarball(shared);
  }

  @BeforeEach
  void setUp() throws Exception {
    keys = tmp.resolve("keys");
    assertEquals(
        0, CliRun.of("origin", "key", "generate", "clitest", "--keys", keys.toString()).exit());
    byte[] source = "the upstream release, byte for byte\n".getBytes();
    Files.write(
        Files.createDirectories(tmp.resolve("release")).resolve("mirrored-1.0.tar.gz"), source);
    sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source));
    plan = Files.createDirectories(tmp.resolve("plans/mirrored"));
    Files.writeString(
        plan.resolve("plan.sh"),
        "pkg_name=mirrored\npkg_origin=clitest\npkg_version=1.0\n"
            + "pkg_source="
            + UPSTREAM
            + "\npkg_shasum="
            + sha256
            + "\ndo_unpack() { return 0; }\ndo_build() { return 0; }\n"
            + "do_install() { cp \"$HAB_CACHE_SRC_PATH/$pkg_filename\" \"$pkg_prefix/\"; }\n");
  }

  @Test
  void offlineWithAnEmptyMirrorTheBuildNamesTheMissingFileAndItsSha256() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty-mirror"));
    CliRun run = build("--sources", empty.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("mirrored-1.0.tar.gz (sha256 " + sha256 + ")"), run.err());
    assertTrue(run.err().contains("network: never"), run.err());
    assertTrue(run.err().contains(empty.toString()), run.err());
  }

  @Test
  void offlineTheSameBuildPassesWithTheFileInTheMirror() throws Exception {
    CliRun run = build("--sources", tmp.resolve("release").toString());
    assertEquals(0, run.exit(), run.err());
    Path hart = Path.of(run.out().strip());
    assertTrue(hart.getFileName().toString().startsWith("clitest-mirrored-1.0-"), run.out());
    CliRun info = CliRun.of("hart", "info", hart.toString());
    assertTrue(info.out().contains("files: "), info.out());
  }

  private CliRun build(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "build",
                plan.toString(),
                "--studio",
                "chroot",
                "--network",
                "never",
                "--tools",
                tools.toString(),
                "--results",
                tmp.resolve("results").toString(),
                "--keys",
                keys.toString(),
                "--home",
                tmp.resolve("home").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }
}
