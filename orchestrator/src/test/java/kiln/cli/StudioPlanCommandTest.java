package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln studio run --plan}: the studio a build of the plan gets, in the chroot studio,
 * checked from inside with a command instead of the callbacks.
 */
class StudioPlanCommandTest {

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
  void runWithAPlanSeesItsDependenciesSourcePlanProgramAndEnvironment() throws Exception {
    Path dep =
        plan("dep", "", "pkg_bin_dirs=(bin)\ndo_install() { mkdir -p \"$pkg_prefix/bin\"; }");
    CliRun built = kiln("build", dep.toString(), "--results", tmp.resolve("r").toString());
    assertEquals(0, built.exit(), built.err());
    Path hart = Path.of(built.out().strip());
    Path source = Files.writeString(tmp.resolve("user-1.0.tar.gz"), "not really a tarball\n");
    Path user =
        plan(
            "user",
            "pkg_source=file://" + source + "\npkg_shasum=" + sha256(source),
            "pkg_deps=(clitest/dep)");

    CliRun run =
        kiln(
            "studio",
            "run",
            "--plan",
            user.toString(),
            "--install",
            hart.toString(),
            "--",
            "/bin/sh",
            "-c",
            "ls /hab/pkgs/clitest; ls /hab/cache/src; head -n 1 /src/plan.sh; ls /kiln;"
                + " echo \"$STUDIO_TYPE $PATH $KILN_PLAN\"; exit 7");

    assertEquals(7, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("dep\nuser-1.0.tar.gz\npkg_name=user\n"), out);
    assertTrue(out.contains("deps.env"), out);
    assertTrue(out.contains("plan-build.sh"), out);
    assertTrue(out.endsWith("stage1 /bin:/tools/bin /src/plan.sh\n"), out);
  }

  @Test
  void runTakesTheBuildLimits() throws Exception {
    Path user = plan("user", "", "");
    long start = System.nanoTime();
    CliRun run =
        kiln(
            "studio",
            "run",
            "--plan",
            user.toString(),
            "--silence-timeout",
            "1s",
            "--",
            "/bin/sh",
            "-c",
            "sleep 60");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertEquals(FailureHandler.FAILED, run.exit(), run.err());
    assertTrue(seconds < 30, "killed after 1 s of silence, not after the sleep: " + seconds);
  }

  @Test
  void aPlanWhoseDependencyIsMissingFailsAsItsBuildWouldNamingIt() throws Exception {
    Path user = plan("user", "", "pkg_deps=(clitest/nowhere)");
    CliRun run = kiln("studio", "run", "--plan", user.toString(), "--", "/bin/true");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("cannot resolve pkg_deps clitest/nowhere"), run.err());
  }

  @Test
  void optionsThatWouldContradictTheBuildAreRefused() throws Exception {
    Path user = plan("user", "", "");
    CliRun run =
        kiln("studio", "run", "--plan", user.toString(), "--src", tmp.toString(), "--", "true");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("drop --src (the plan is at /src)"), run.err());
  }

  @Test
  void planOptionsWithoutAPlanAreRefusedRatherThanIgnored() {
    CliRun run = kiln("studio", "run", "--", "/bin/true");
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("only with --plan PLAN_DIR"), run.err());
    assertTrue(run.err().contains("--studio (without --plan the studio is a Docker"), run.err());
  }

  /** {@code kiln ARGS...} in the chroot studio with this test's tools, keys and home. */
  private CliRun kiln(String... args) {
    List<String> argv = new ArrayList<>();
    int dashes = List.of(args).indexOf("--");
    List<String> before = List.of(args).subList(0, dashes < 0 ? args.length : dashes);
    argv.addAll(before);
    argv.addAll(
        List.of(
            "--studio",
            "chroot",
            "--tools",
            tools.toString(),
            "--keys",
            keys.toString(),
            "--home",
            tmp.resolve("home").toString()));
    if (dashes >= 0) {
      argv.addAll(List.of(args).subList(dashes, args.length));
    }
    return CliRun.of(argv.toArray(String[]::new));
  }

  private Path plan(String name, String source, String more) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plans").resolve(name));
    Files.writeString(
        dir.resolve("plan.sh"),
        "pkg_name="
            + name
            + "\npkg_origin=clitest\npkg_version=1.0\n"
            // With a source, kiln fetches it into the cache: the default do_download.
            + (source.isEmpty() ? "pkg_source=none\ndo_download() { return 0; }\n" : source + "\n")
            + "do_verify() { return 0; }\n"
            + "do_unpack() { return 0; }\ndo_build() { return 0; }\ndo_install() { return 0; }\n"
            + more
            + "\n");
    return dir;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
