package kiln.stages.studio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.world.Bubblewrap;

/**
 * A studio made with bubblewrap: a fresh tmpfs root per run holding only what the spec names (the
 * tools or backline, the spec's mounts), in new user, pid, ipc, uts and network namespaces. Nothing
 * is copied: every input is a bind mount ({@link BindMounts}), so setting a studio up costs the
 * same whatever the size of the package store it draws from.
 */
public final class ChrootStudio implements Studio {

  private final ToolsCache tools;

  /**
   * @param cacheDir where tools tarballs are unpacked, one directory per tarball sha256
   */
  public ChrootStudio(Path cacheDir) {
    this.tools = new ToolsCache(cacheDir);
  }

  /**
   * Whether bubblewrap can make a studio on this host: installed, and allowed to make user and
   * network namespaces. Asked once per JVM (about 10 ms), by the probe the plan reader shares.
   */
  public static boolean works() {
    return Bubblewrap.works();
  }

  @Override
  public String kind() {
    return "chroot";
  }

  @Override
  public StudioRun run(
      StudioSpec spec,
      List<String> command,
      OutputStream log,
      BuildLimits limits,
      OutputReceiver output)
      throws StudioException, InterruptedException {
    try (BindMounts mounts = BindMounts.of(spec, runDir())) {
      ProcessBuilder builder = bwrap(spec, mounts, command);
      StudioRun run;
      try {
        run = LimitedProcess.run(builder, log, limits);
      } catch (IOException e) {
        throw cannotStart(e);
      }
      if (run.succeeded()) {
        mounts.deliver(output);
      }
      return run;
    }
  }

  @Override
  public int enter(StudioSpec spec, List<String> command)
      throws StudioException, InterruptedException {
    try (BindMounts mounts = BindMounts.of(spec, runDir())) {
      Process bwrap;
      try {
        bwrap = bwrap(spec, mounts, command).inheritIO().start();
      } catch (IOException e) {
        throw cannotStart(e);
      }
      try {
        return bwrap.waitFor();
      } finally {
        // --die-with-parent covers kiln dying; an interrupted kiln ends the studio itself.
        bwrap.destroyForcibly();
      }
    }
  }

  private ProcessBuilder bwrap(StudioSpec spec, BindMounts mounts, List<String> command)
      throws StudioException, InterruptedException {
    List<String> argv =
        new ArrayList<>(new BwrapArguments(spec, tools, mounts.binds()).arguments());
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    return builder;
  }

  /** A fresh directory for one run's program files and output, removed when the run ends. */
  private static Path runDir() throws StudioException {
    try {
      return Files.createTempDirectory("kiln-chroot-run-");
    } catch (IOException e) {
      throw new StudioException("cannot make a studio directory: " + e.getMessage(), e);
    }
  }

  private static StudioException cannotStart(IOException e) {
    return new StudioException(
        "cannot start bubblewrap (" + e.getMessage() + "): is the bubblewrap package installed?",
        e);
  }
}
