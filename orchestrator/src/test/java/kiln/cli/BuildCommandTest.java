package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln build} end to end, in a chroot studio made of busybox and a static bash. */
class BuildCommandTest {

  @TempDir Path tmp;
  @TempDir static Path shared;
  private static Path tools;
  private Path keys;

  @BeforeAll
  static void toolsTarball() throws Exception {
    tools = BusyboxTools.tarball(shared);
  }

  @BeforeEach
  void setUp() throws Exception {
    keys = tmp.resolve("keys");
    assertEquals(
        0, CliRun.of("origin", "key", "generate", "clitest", "--keys", keys.toString()).exit());
  }

  @Test
  void buildWritesTheArtifactLastBuildEnvAndTheLog() throws Exception {
    Path plan = plan("ok", "do_install() { echo built >\"$pkg_prefix/marker\"; }");
    CliRun run = build(plan);
    assertEquals(0, run.exit(), run.err());
    Path hart = Path.of(run.out().strip());
    assertTrue(
        hart.getFileName().toString().matches("clitest-ok-1\\.0-\\d{14}-x86_64-linux\\.hart"),
        run.out());
    assertEquals(0, CliRun.of("hart", "verify", hart.toString(), "--keys", keys.toString()).exit());
    List<String> results = results();
    assertEquals(3, results.size(), results.toString());
    assertTrue(results.contains("last_build.env"), results.toString());
    String env = Files.readString(tmp.resolve("results/last_build.env"));
    assertTrue(env.contains("pkg_artifact=" + hart.getFileName()), env);
    assertTrue(run.err().contains("kiln: built clitest/ok/1.0/"), run.err());
  }

  @Test
  void aFailedBuildShowsTheLogsLastLinesAndPathAndExitsOne() throws Exception {
    Path plan = plan("broken", "do_build() { echo compiler exploded; return 3; }");
    CliRun run = build(plan);
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("compiler exploded"), run.err());
    assertTrue(run.err().contains("failed in do_build (exit code 3)"), run.err());
    assertTrue(run.err().contains("full log: "), run.err());
    assertEquals(1, results().size(), "only the log: " + results());
    assertTrue(results().get(0).endsWith(".log"), results().toString());
  }

  @Test
  void aFailedBuildWhoseLogIsNotUtf8StillShowsItsLastLines() throws Exception {
    // Tools print in their own locale's charset: one Latin-1 byte must not hide the tail.
    Path plan =
        plan("latin1", "do_build() { printf 'caf\\351\\n'; echo linker gave up; return 4; }");
    CliRun run = build(plan);
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("kiln: the last lines of "), run.err());
    assertTrue(run.err().contains("linker gave up"), run.err());
  }

  @Test
  void withNoSigningKeyTheBuildStopsBeforeTheStudioStarts() throws Exception {
    Path plan = plan("nokey", "");
    Path empty = Files.createDirectories(tmp.resolve("no-keys"));
    CliRun run =
        CliRun.of(
            "build",
            plan.toString(),
            "--studio",
            "chroot",
            "--tools",
            tools.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--keys",
            empty.toString(),
            "--home",
            tmp.resolve("home").toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err().contains("no signing key in " + empty + ": run 'kiln origin key generate ORIGIN"),
        run.err());
    assertFalse(
        Files.exists(tmp.resolve("home/cache/tools")), "the tools tarball was not unpacked");
    assertFalse(Files.exists(tmp.resolve("results")), "nothing written");
  }

  @Test
  void anUnsignedTarballGivenToInstallIsRefusedWithoutPrintingItsBytes() throws Exception {
    Path payload = Files.createDirectories(tmp.resolve("payload/hab/pkgs/x/y/1/20260101000000"));
    Files.writeString(payload.resolve("IDENT"), "x/y/1/20260101000000\n");
    Path unsigned = tmp.resolve("unsigned.hart");
    exec(tmp.resolve("payload"), "tar", "-cJf", unsigned.toString(), "hab");
    Path plan = plan("needs", "");
    CliRun run =
        CliRun.of(
            "build",
            plan.toString(),
            "--studio",
            "chroot",
            "--tools",
            tools.toString(),
            "--install",
            unsigned.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--keys",
            keys.toString(),
            "--home",
            tmp.resolve("home").toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(
                unsigned
                    + " is not a .hart artifact: it does not start with HART-1 (a signed Habitat"
                    + " artifact)"),
        run.err());
    assertTrue(
        run.err().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
        "no raw bytes on the terminal: " + run.err());
    assertTrue(run.err().length() < 600, "a short message: " + run.err());
  }

  @Test
  void toolsAndBacklineExcludeEachOther() {
    CliRun run =
        CliRun.of("build", tmp.toString(), "--tools", "a.tar.xz", "--backline", "core/bash");
    assertEquals(2, run.exit(), run.err());
    assertEquals(2, CliRun.of("build", tmp.toString()).exit(), "one of them is required");
  }

  @Test
  void anUnknownStudioKindIsAUsageError() throws Exception {
    CliRun run =
        CliRun.of(
            "build",
            plan("x", "").toString(),
            "--studio",
            "vm",
            "--tools",
            tools.toString(),
            "--home",
            tmp.resolve("home").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--studio vm: expected docker, chroot or auto"), run.err());
  }

  @Test
  void silenceTimeoutKillsAHungBuildAtTheLimitGiven() throws Exception {
    Path plan = plan("hangs", "do_build() { echo started; sleep 120; }");
    long start = System.nanoTime();
    CliRun run = build(plan, "--silence-timeout", "2s");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("printed nothing for 2s; killed"), run.err());
    assertTrue(seconds < 60, "killed at the limit, not after the 120 s sleep: " + seconds + " s");
  }

  @Test
  void timeoutKillsABuildThatRunsLongerThanTheLimitGiven() throws Exception {
    Path plan = plan("chatty", "do_build() { while :; do echo still going; sleep 1; done; }");
    CliRun run = build(plan, "--timeout", "3s", "--silence-timeout", "1h");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("building timed out after 3s"), run.err());
  }

  @Test
  void aBadDurationIsAUsageErrorShowingTheForm() throws Exception {
    CliRun run = build(plan("x", ""), "--timeout", "90");
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("expected a duration such as 30s, 90m, 2h or 1h30m"), run.err());
  }

  @Test
  void networkNeverKeepsAPlansOwnRemoteDownloadOffline() throws Exception {
    String interfaces =
        "do_install() { tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort"
            + " >\"$pkg_prefix/interfaces\"; }\npkg_source=http://example.invalid/a.tar.gz";
    CliRun offline = build(plan("offline", interfaces), "--network", "never");
    assertEquals(0, offline.exit(), offline.err());
    assertEquals("lo\n", payloadFile(offline, "clitest/offline", "interfaces"));

    CliRun online = build(plan("online", interfaces));
    assertEquals(0, online.exit(), online.err());
    assertTrue(
        payloadFile(online, "clitest/online", "interfaces").lines().count() > 1,
        "--network download (the default) lets a remote own download reach the network");
  }

  @Test
  void anUnknownNetworkPolicyIsAUsageError() throws Exception {
    CliRun run = build(plan("x", ""), "--network", "always");
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("--network always: expected never or download"), run.err());
  }

  /** A file of the built package, read from the hart's payload with tar. */
  private static String payloadFile(CliRun run, String ident, String file) throws Exception {
    Path hart = Path.of(run.out().strip());
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "tail -n +6 \"$0\" | xz -dc | tar -xOf - --wildcards \"hab/pkgs/$1/*/$2\"",
                hart.toString(),
                ident,
                file)
            .start();
    String text = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
    return text;
  }

  @Test
  void offlineWithAnEmptyMirrorTheBuildNamesTheMissingSourceAndItsSha256() throws Exception {
    String sha256 = release();
    Path empty = Files.createDirectories(tmp.resolve("empty-mirror"));
    CliRun run = build(mirroredPlan(sha256), "--network", "never", "--sources", empty.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("mirrored-1.0.tar.gz (sha256 " + sha256 + ")"), run.err());
    assertTrue(run.err().contains("network: never"), run.err());
    assertTrue(run.err().contains(empty.toString()), run.err());
  }

  @Test
  void offlineTheSameBuildPassesWithTheSourceInTheMirror() throws Exception {
    Path plan = mirroredPlan(release());
    CliRun run = build(plan, "--network", "never", "--sources", tmp.resolve("release").toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        Path.of(run.out().strip()).getFileName().toString().startsWith("clitest-mirrored-1.0-"),
        run.out());
  }

  /** An upstream release in a folder that can serve as a source mirror; its sha256. */
  private String release() throws Exception {
    byte[] source = "the upstream release, byte for byte\n".getBytes();
    Path dir = Files.createDirectories(tmp.resolve("release"));
    Files.write(dir.resolve("mirrored-1.0.tar.gz"), source);
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(source));
  }

  /** A plan naming its real upstream URL and sha256, with the default download and verify. */
  private Path mirroredPlan(String sha256) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plans/mirrored"));
    Files.writeString(
        dir.resolve("plan.sh"),
        "pkg_name=mirrored\npkg_origin=clitest\npkg_version=1.0\n"
            + "pkg_source=https://downloads.example.invalid/mirrored-1.0.tar.gz\n"
            + "pkg_shasum="
            + sha256
            + "\ndo_unpack() { return 0; }\ndo_build() { return 0; }\n"
            + "do_install() { cp \"$HAB_CACHE_SRC_PATH/$pkg_filename\" \"$pkg_prefix/\"; }\n");
    return dir;
  }

  private CliRun build(Path plan, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "build",
                plan.toString(),
                "--studio",
                "chroot",
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

  private Path plan(String name, String callbacks) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plans").resolve(name));
    Files.writeString(
        dir.resolve("plan.sh"),
        "pkg_name="
            + name
            + "\npkg_origin=clitest\npkg_version=1.0\npkg_source=none\n"
            + "do_download() { return 0; }\ndo_verify() { return 0; }\n"
            + "do_unpack() { return 0; }\ndo_build() { return 0; }\ndo_install() { return 0; }\n"
            + callbacks
            + "\n");
    return dir;
  }

  private List<String> results() throws Exception {
    try (Stream<Path> files = Files.list(tmp.resolve("results"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void exec(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
