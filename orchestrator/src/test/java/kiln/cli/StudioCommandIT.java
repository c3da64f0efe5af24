package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln studio ...} as a user runs it: the packaged jar, a real engine. */
class StudioCommandIT {

  @TempDir static Path shared;
  static Path tools;

  @TempDir Path work;

  @BeforeAll
  static void tools() throws Exception {
    tools = smallTools(shared);
  }

  /**
   * A tools tarball of the host's static busybox and bash, packed with the system's tar in {@code
   * dir}; the same bytes every run, so its studio image is built once, not once per run.
   */
  static Path smallTools(Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("tree/tools/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.copy(Path.of("/bin/bash-static"), bin.resolve("bash"));
    for (String applet : List.of("sh", "cat", "echo", "pwd", "sleep", "ls")) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Path tarball = dir.resolve("tools.tar.xz");
    Process tar =
        new ProcessBuilder(
                "tar",
                "--sort=name",
                "--mtime=@0",
                "--owner=0",
                "--group=0",
                "-cJf",
                tarball.toString(),
                "-C",
                dir.resolve("tree").toString(),
                "tools")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    return tarball;
  }

  @Test
  void runPrintsTheOutputAndExitsWithTheCommandsCode() throws Exception {
    Result r =
        kiln(
            "",
            "studio",
            "run",
            "--tools",
            tools.toString(),
            "--",
            "/bin/sh",
            "-c",
            "echo hello from $STUDIO_TYPE; exit 5");
    assertEquals(5, r.code, r.err);
    assertEquals("hello from stage1\n", r.out);
  }

  @Test
  void enterRunsAShellOnPipedInputWithThePlanAtSrc() throws Exception {
    Path plan = Files.createDirectories(work.resolve("plan"));
    Files.writeString(plan.resolve("plan.sh"), "pkg_name=hello\n");
    Result r =
        kiln(
            "pwd; cat plan.sh; exit 0\n",
            "studio",
            "enter",
            "--tools",
            tools.toString(),
            "--src",
            plan.toString());
    assertEquals(0, r.code, r.err);
    assertEquals("/src\npkg_name=hello\n", r.out);
  }

  @Test
  void listShowsTheLeftoversOfAKilledKilnAndRmRemovesThem() throws Exception {
    killedRun(work, tools, null);

    Result list = kiln("", "studio", "list");
    assertTrue(list.out.contains("owner=gone work=" + work), list.out);
    assertTrue(list.out.contains("image kiln-stage1:"), list.out);

    Result rm = kiln("", "studio", "rm", "--work", work.toString());
    assertEquals(0, rm.code, rm.err);
    assertTrue(rm.out.startsWith("removed container kiln-"), rm.out);
    assertTrue(!kiln("", "studio", "list").out.contains("work=" + work), "nothing left");
  }

  @Test
  void enterWithAPlanOpensTheStudioItsBuildGetsInDocker() throws Exception {
    Path full = fullTools();
    Path keys = work.resolve("keys");
    Path home = work.resolve("home");
    assertEquals(
        0, kiln("", "origin", "key", "generate", "clitest", "--keys", keys.toString()).code);
    Path dep = plan("dep", "pkg_bin_dirs=(bin)\ndo_install() { mkdir -p \"$pkg_prefix/bin\"; }");
    Result built =
        kiln(
            "",
            "build",
            dep.toString(),
            "--studio",
            "chroot",
            "--tools",
            full.toString(),
            "--keys",
            keys.toString(),
            "--home",
            home.toString(),
            "--results",
            work.resolve("results").toString());
    assertEquals(0, built.code, built.err);
    Path user = plan("user", "pkg_deps=(clitest/dep)");

    Result r =
        kiln(
            "ls /hab/pkgs/clitest; ls /kiln; echo \"$STUDIO_TYPE $KILN_PLAN\"; pwd; exit 3\n",
            "studio",
            "enter",
            "--plan",
            user.toString(),
            "--studio",
            "docker",
            "--tools",
            full.toString(),
            "--install",
            built.out.strip(),
            "--keys",
            keys.toString(),
            "--home",
            home.toString());

    assertEquals(3, r.code, r.err);
    assertTrue(r.out.startsWith("dep\n"), r.out);
    assertTrue(r.out.contains("deps.env"), r.out);
    assertTrue(r.out.contains("plan-build.sh"), r.out);
    assertTrue(r.out.endsWith("stage1 /src/plan.sh\n/src\n"), r.out);
    assertTrue(r.err.contains("the studio of clitest/user (docker)"), r.err);
  }

  private Path plan(String name, String more) throws IOException {
    Path dir = Files.createDirectories(work.resolve("plans").resolve(name));
    Files.writeString(
        dir.resolve("plan.sh"),
        "pkg_name="
            + name
            + "\npkg_origin=clitest\npkg_version=1.0\npkg_source=none\n"
            + "do_download() { return 0; }\ndo_verify() { return 0; }\n"
            + "do_unpack() { return 0; }\ndo_build() { return 0; }\ndo_install() { return 0; }\n"
            + more
            + "\n");
    return dir;
  }

  /** Every busybox applet, enough for the plan build program; the same bytes every run. */
  private static Path fullTools() throws Exception {
    Path tree = shared.resolve("full");
    Path bin = Files.createDirectories(tree.resolve("tools/bin"));
    Path tarball = shared.resolve("full-tools.tar.xz");
    if (Files.exists(tarball)) {
      return tarball;
    }
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.copy(Path.of("/bin/bash-static"), bin.resolve("bash"));
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !Files.exists(bin.resolve(applet))) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    Process tar =
        new ProcessBuilder(
                "tar",
                "--sort=name",
                "--mtime=@0",
                "--owner=0",
                "--group=0",
                "-cJf",
                tarball.toString(),
                "-C",
                tree.toString(),
                "tools")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    return tarball;
  }

  /**
   * A {@code kiln studio run} in {@code work}, its studio on {@code engine} (null: the one
   * DOCKER_HOST names), killed while its studio runs: what a crashed kiln leaves.
   */
  static void killedRun(Path work, Path tools, String engine) throws Exception {
    ProcessBuilder run =
        ChildJvm.PLAIN.jar(
            Path.of("target", "kiln.jar"),
            List.of(
                "studio",
                "run",
                "--work",
                work.toString(),
                "--tools",
                tools.toString(),
                "--",
                "/bin/sh",
                "-c",
                "echo ready; sleep 600"));
    if (engine != null) {
      run.environment().put("DOCKER_HOST", engine);
    }
    Process killed = run.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    String err = "ready".equals(first) ? "" : new String(killed.getErrorStream().readAllBytes());
    assertEquals("ready", first, err);
    killed.destroyForcibly();
    assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
  }

  record Result(int code, String out, String err) {}

  static Result kiln(String input, String... args) throws Exception {
    Process p = start(args);
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out, err);
  }

  static Process start(String... args) throws IOException {
    return ChildJvm.PLAIN.jar(Path.of("target", "kiln.jar"), List.of(args)).start();
  }
}
