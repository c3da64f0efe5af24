package kiln.stages.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.world.Bubblewrap;

/**
 * A studio made with bubblewrap: a fresh tmpfs root per run holding only what the spec names (the
 * tools or backline, the spec's mounts), in new user, pid, ipc, uts and network namespaces. Nothing
 * is copied: everything is a bind mount, so setting a studio up costs the same whatever the size of
 * the package store it draws from.
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
  public StudioRun run(StudioSpec spec, List<String> command, Path log, BuildLimits limits)
      throws StudioException, InterruptedException {
    List<String> argv = new ArrayList<>(new BwrapArguments(spec, tools).arguments());
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    try {
      return LimitedProcess.run(builder, log, limits);
    } catch (IOException e) {
      throw new StudioException(
          "cannot start bubblewrap (" + e.getMessage() + "): is the bubblewrap package installed?",
          e);
    }
  }

  @Override
  public int enter(StudioSpec spec, List<String> command)
      throws StudioException, InterruptedException {
    List<String> argv = new ArrayList<>(new BwrapArguments(spec, tools).arguments());
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    Process bwrap;
    try {
      bwrap = builder.start();
    } catch (IOException e) {
      throw new StudioException(
          "cannot start bubblewrap (" + e.getMessage() + "): is the bubblewrap package installed?",
          e);
    }
    try {
      return bwrap.waitFor();
    } finally {
      // --die-with-parent covers kiln dying; an interrupted kiln ends the studio itself.
      bwrap.destroyForcibly();
    }
  }
}
