package kiln.stages.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kiln.stages.build.TestTools;
import kiln.stages.studio.StudioInput.HostPath;
import kiln.stages.studio.StudioSpec.StudioType;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every studio promises, whatever its kind: a fresh root per run holding only what the spec
 * names, exactly the spec's environment, read-only inputs, the output tree back as a tar stream
 * (and only that way), no network unless asked, the two kinds of studio (stage1 from the tools
 * tarball, default from backline packages), and limits. Subclasses name the studio.
 */
public abstract class StudioContract {

  @TempDir protected Path temp;

  protected abstract Studio studio() throws Exception;

  /**
   * Whether the studio shows host paths as mounts; one that copies its inputs to an engine
   * elsewhere refuses host paths, and its copies of the plan and program are its own (a build that
   * writes to them changes nothing outside its container).
   */
  protected boolean sharesHostDisk() {
    return true;
  }

  private static final BuildLimits LIMITS =
      new BuildLimits(Duration.ofMinutes(2), Duration.ofMinutes(1));

  protected StudioSpec stage1(List<StudioInput> mounts, Map<String, String> env, boolean network)
      throws Exception {
    return new StudioSpec(
        StudioType.STAGE1, Optional.of(TestTools.tarball()), List.of(), mounts, env, network);
  }

  protected String run(StudioSpec spec, String script) throws Exception {
    Path log = Files.createTempFile(temp, "studio", ".log");
    StudioRun run = studio().run(spec, List.of("/bin/bash", "-c", script), log, LIMITS);
    String output = Files.readString(log);
    assertTrue(run.succeeded(), "exit " + run.exitCode() + " " + run.ending() + ": " + output);
    return output;
  }

  @Test
  public void aStage1StudioHasTheToolsAndTheShellLinksAndNothingOfTheHost() throws Exception {
    String out =
        run(
            stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), false),
            "for f in /bin/sh /bin/bash /bin/cat; do readlink $f; done; test -e /usr/share && echo HOST-USR;"
                + " test -e /etc/passwd && echo HOST-ETC; test -d /tools/bin && echo TOOLS;"
                + " echo 'int main(void){return 42;}' > /tmp/t.c && cc -o /tmp/t /tmp/t.c;"
                + " /tmp/t; echo compiled-rc=$?");
    assertEquals("/tools/bin/bash\n/tools/bin/bash\n/tools/bin/cat\nTOOLS\ncompiled-rc=42\n", out);
  }

  @Test
  public void theCommandSeesExactlyTheSpecsEnvironment() throws Exception {
    String out =
        run(
            stage1(List.of(), Map.of("PATH", "/bin:/tools/bin", "STUDIO_TYPE", "stage1"), false),
            "env | cut -d= -f1 | grep -v -e '^_$' -e '^PWD$' -e '^SHLVL$' | sort");
    assertEquals("PATH\nSTUDIO_TYPE\n", out);
  }

  @Test
  public void eachRunStartsFromAFreshRoot() throws Exception {
    StudioSpec spec = stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), false);
    run(spec, "echo left-behind > /root/file; mkdir -p /hab/pkgs/x && echo y > /hab/pkgs/x/f");
    assertEquals("clean\n", run(spec, "test -e /root/file || test -e /hab/pkgs/x || echo clean"));
  }

  @Test
  public void mountsAreShownReadOnlyOrWritableAsAsked() throws Exception {
    Path ro = Files.createDirectories(temp.resolve("ro"));
    Path rw = Files.createDirectories(temp.resolve("rw"));
    Files.writeString(ro.resolve("in.txt"), "from the host\n");
    StudioSpec spec =
        stage1(
            List.of(new HostPath(ro, "/hab/pkgs/a/b/1/2", true), new HostPath(rw, "/out", false)),
            Map.of("PATH", "/bin:/tools/bin"),
            false);
    if (!sharesHostDisk()) {
      StudioException e = assertThrows(StudioException.class, () -> run(spec, "true"));
      assertTrue(e.getMessage().contains("does not share this host's disk"), e.getMessage());
      return;
    }
    String out =
        run(
            spec,
            "cat /hab/pkgs/a/b/1/2/in.txt; (echo x > /hab/pkgs/a/b/1/2/new) 2>/dev/null"
                + " || echo read-only; echo written > /out/result");
    assertEquals("from the host\nread-only\n", out);
    assertEquals("written\n", Files.readString(rw.resolve("result")));
    assertFalse(Files.exists(ro.resolve("new")));
  }

  @Test
  public void thereIsNoNetworkUnlessTheSpecAsksForIt() throws Exception {
    String script = "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | sort";
    assertEquals("lo\n", run(stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), false), script));
    if (!sharesHostDisk()) {
      return; // the test engines have no bridge network to share (bin/engines: --bridge=none)
    }
    String shared = run(stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), true), script);
    assertTrue(shared.lines().count() > 1 || !shared.equals("lo\n"), shared);
  }

  @Test
  public void aDefaultStudioTakesBinFromTheBacklineAndHasNoTools() throws Exception {
    Path backline = backlinePackage(true);
    StudioSpec spec =
        new StudioSpec(
            StudioType.DEFAULT,
            Optional.empty(),
            List.of(backline),
            List.of(),
            Map.of("PATH", "/bin"),
            false);
    String out =
        run(
            spec,
            "for f in /bin/bash /bin/sh; do readlink $f; done; test -e /tools || echo no-tools; echo hi | cat");
    String prefix = "/hab/pkgs/core/backline/1.0/20260101000000/bin/";
    assertEquals(prefix + "bash\n" + prefix + "bash\nno-tools\nhi\n", out);
  }

  @Test
  public void aDefaultStudioWithoutBashFailsBeforeTheBuildSayingWhy() throws Exception {
    StudioSpec spec =
        new StudioSpec(
            StudioType.DEFAULT,
            Optional.empty(),
            List.of(backlinePackage(false)),
            List.of(),
            Map.of("PATH", "/bin"),
            false);
    StudioException e =
        assertThrows(
            StudioException.class,
            () -> studio().run(spec, List.of("/bin/bash"), temp.resolve("log"), LIMITS));
    assertTrue(e.getMessage().contains("no bash in the studio"), e.getMessage());
  }

  @Test
  public void aSilentCommandIsKilledAndReportedSo() throws Exception {
    Path log = temp.resolve("silent.log");
    StudioRun run =
        studio()
            .run(
                stage1(List.of(), Map.of("PATH", "/bin:/tools/bin"), false),
                List.of("/bin/bash", "-c", "echo start; sleep 600"),
                log,
                new BuildLimits(Duration.ofMinutes(1), Duration.ofMillis(500)));
    assertEquals(StudioRun.Ending.SILENT_TOO_LONG, run.ending());
    assertFalse(run.succeeded());
    assertEquals("start\n", Files.readString(log));
  }

  @Test
  public void theOutputTreeComesBackAsATarStreamAndTheProgramIsReadOnly() throws Exception {
    StudioSpec spec =
        withOutput(
            List.of(
                new StudioInput.Program(
                    Map.of("make.sh", "mkdir -p $1/a/b; echo made > $1/a/b/file\n".getBytes()))),
            "/kiln/out");
    String script =
        "bash /kiln/make.sh /kiln/out && chmod 755 /kiln/out/a/b/file"
            + " && ln -s b/file /kiln/out/a/link && (echo x > /kiln/new) 2>/dev/null || echo read-only";
    Map<String, String> tree = new TreeMap<>();
    Path log = temp.resolve("output.log");
    StudioRun run =
        studio().run(spec, List.of("/bin/bash", "-c", script), log, LIMITS, tar -> read(tar, tree));
    assertTrue(run.succeeded(), Files.readString(log));
    assertEquals(sharesHostDisk() ? "read-only\n" : "", Files.readString(log));
    assertEquals(
        Map.of(
            "a/", "dir",
            "a/b/", "dir",
            "a/b/file", "755 made\n",
            "a/link", "-> b/file"),
        tree);
  }

  @Test
  public void aFailedCommandGivesNoOutputTree() throws Exception {
    StudioSpec spec = withOutput(List.of(), "/out");
    List<String> received = new ArrayList<>();
    StudioRun run =
        studio()
            .run(
                spec,
                List.of("/bin/bash", "-c", "echo partial > /out/f; exit 3"),
                temp.resolve("failed.log"),
                LIMITS,
                tar -> received.add("called"));
    assertEquals(3, run.exitCode());
    assertEquals(List.of(), received);
  }

  private static StudioSpec withOutput(List<StudioInput> inputs, String output) throws Exception {
    return new StudioSpec(
        StudioType.STAGE1,
        Optional.of(TestTools.tarball()),
        List.of(),
        inputs,
        Map.of("PATH", "/bin:/tools/bin"),
        false,
        Optional.of(output));
  }

  /** Each entry of a tar stream: "dir", "-> target" or "mode content". */
  private static void read(InputStream in, Map<String, String> tree) throws java.io.IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
      String what =
          e.isDirectory()
              ? "dir"
              : e.isSymbolicLink()
                  ? "-> " + e.getLinkName()
                  : Integer.toOctalString(e.getMode() & 0777)
                      + " "
                      + new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      tree.put(e.getName(), what);
    }
  }

  /** A package directory whose bin holds busybox applets and, if asked, a static bash. */
  private Path backlinePackage(boolean withBash) throws Exception {
    Path pkg =
        Files.createDirectories(
            temp.resolve("store/hab/pkgs/core/backline/1.0/20260101000000/bin"));
    Files.copy(Path.of("/bin/busybox"), pkg.resolve("busybox"));
    for (String applet : List.of("cat", "echo", "ls", "readlink", "test", "env")) {
      Files.createSymbolicLink(pkg.resolve(applet), Path.of("busybox"));
    }
    if (withBash) {
      Files.copy(Path.of("/bin/bash-static"), pkg.resolve("bash"));
    }
    return pkg.getParent();
  }
}
